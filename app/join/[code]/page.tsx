import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { withNext } from '@/app/account/_lib/next-path';
import { currentUserId } from '@/app/_lib/auth/session.server';
import { findCohortByCode, isMember } from '@/app/_lib/cohorts/cohorts.server';
import { formatJoinCode, joinPath } from '@/app/_lib/cohorts/join-code';
import { JoinButton } from './_components/join-button';

export const metadata: Metadata = { title: 'Join a cohort', robots: { index: false } };

type Props = { params: Promise<{ code: string }> };

const link = 'text-indigo-700 underline dark:text-indigo-300';

/** Where a join link leads: the cohort's name and a Join button; signed out, the way to sign in and back. */
export default async function JoinPage({ params }: Props) {
  const cohort = await findCohortByCode((await params).code);
  if (cohort === null) notFound();
  const userId = await currentUserId(await headers());
  const here = joinPath(cohort.joinCode);
  const member = userId !== null && (await isMember(userId, cohort.id));
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">{cohort.name}</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-300">
        A cohort on Awaitable (join code <code className="font-mono">{formatJoinCode(cohort.joinCode)}</code>). Its instructors see the
        progress you make in the lessons: your name, email, runs, exercise attempts and hints.
      </p>
      <div className="mt-6">
        {userId === null ? (
          <p>
            <Link href={withNext('/account/sign-in', here)} className={`${link} font-medium`}>
              Sign in to join
            </Link>{' '}
            or{' '}
            <Link href={withNext('/account/sign-up', here)} className={link}>
              create an account
            </Link>
            ; you come back here afterwards.
          </p>
        ) : member ? (
          <p>
            You are in {cohort.name}.{' '}
            <Link href="/" className={link}>
              Go to the lessons
            </Link>
          </p>
        ) : (
          <JoinButton code={formatJoinCode(cohort.joinCode)} cohortName={cohort.name} />
        )}
      </div>
    </>
  );
}
