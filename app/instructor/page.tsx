import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { currentUserId } from '@/app/_lib/auth/session.server';
import { isInstructor, listCohortsForInstructor } from '@/app/_lib/cohorts/cohorts.server';
import { CohortList } from './_components/cohort-list';
import { CreateCohortForm } from './_components/create-cohort-form';

export const metadata: Metadata = { title: 'Instructor', robots: { index: false } };

/** An instructor's cohorts and a form to start one. Signed out: sign in first; not an instructor: not found. */
export default async function InstructorPage() {
  const userId = await currentUserId(await headers());
  if (userId === null) redirect('/account/sign-in?next=%2Finstructor');
  if (!(await isInstructor(userId))) notFound();
  const cohorts = await listCohortsForInstructor(userId);
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Your cohorts</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-300">
        Share a cohort&apos;s join link with your learners. Once they join, its dashboard shows how far each has come.
      </p>
      <CreateCohortForm />
      <CohortList cohorts={cohorts} />
    </>
  );
}
