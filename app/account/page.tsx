import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { SignOutButton } from '@/app/_components/account/sign-out-button';
import { currentAccount } from '@/app/_lib/auth/session.server';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const account = await currentAccount(await headers());
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Account</h1>
      {account ? (
        <div className="mt-6 space-y-4">
          <p>
            Signed in as <strong>{account.name}</strong> ({account.email}). Your progress follows you to every device where you sign in.
          </p>
          <p><Link href="/progress" className="text-indigo-700 underline dark:text-indigo-300">My progress</Link></p>
          <SignOutButton />
        </div>
      ) : (
        <div className="mt-6 space-y-3">
          <p>You are learning anonymously: your progress is kept for this browser only.</p>
          <p>
            <Link href="/account/sign-up" className="text-indigo-700 underline dark:text-indigo-300">Create an account</Link> or{' '}
            <Link href="/account/sign-in" className="text-indigo-700 underline dark:text-indigo-300">sign in</Link> to keep it on every device; what you did so far comes along.
          </p>
        </div>
      )}
    </>
  );
}
