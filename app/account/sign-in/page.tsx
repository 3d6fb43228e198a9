import type { Metadata } from 'next';
import { AccountForm } from '@/app/_components/account/account-form';
import { MIN_PASSWORD_LENGTH } from '@/app/_lib/auth/password-rules';
import { safeNextPath } from '../_lib/next-path';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const next = safeNextPath((await searchParams).next);
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Sign in</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-300">Progress you made in this browser before signing in is added to your account.</p>
      <AccountForm mode="sign-in" minPasswordLength={MIN_PASSWORD_LENGTH} next={next} />
    </>
  );
}
