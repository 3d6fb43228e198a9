import type { Metadata } from 'next';
import { AccountForm } from '@/app/_components/account/account-form';
import { MIN_PASSWORD_LENGTH } from '@/app/_lib/auth/password-rules';
import { safeNextPath } from '../_lib/next-path';

export const metadata: Metadata = { title: 'Create an account' };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignUpPage({ searchParams }: Props) {
  const next = safeNextPath((await searchParams).next);
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Create an account</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-300">Keep your progress on every device. What you did in this browser comes along.</p>
      <AccountForm mode="sign-up" minPasswordLength={MIN_PASSWORD_LENGTH} next={next} />
    </>
  );
}
