import type { Metadata } from 'next';
import { AccountForm } from '@/app/_components/account/account-form';
import { MIN_PASSWORD_LENGTH } from '@/app/_lib/auth/password-rules';

export const metadata: Metadata = { title: 'Create an account' };

export default function SignUpPage() {
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Create an account</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-300">Keep your progress on every device. What you did in this browser comes along.</p>
      <AccountForm mode="sign-up" minPasswordLength={MIN_PASSWORD_LENGTH} next="/progress" />
    </>
  );
}
