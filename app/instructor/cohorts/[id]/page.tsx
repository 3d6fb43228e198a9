import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { withNext } from '@/app/account/_lib/next-path';
import { loadCohortSnapshot } from '@/app/_lib/cohorts/cohorts.server';
import { CohortDashboard } from './_components/cohort-dashboard';
import { cohortAccess } from './cohort-access.server';

type Props = { params: Promise<{ id: string }> };

/** One access check per request, shared by the metadata and the page. */
const access = cache(async (id: string) => cohortAccess(await headers(), id));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const result = await access((await params).id);
  return { title: result.kind === 'instructor' ? `${result.cohort.name}: dashboard` : 'Cohort dashboard', robots: { index: false } };
}

/** A cohort's progress for its instructors; "not found" for everyone else, sign-in when signed out. */
export default async function CohortDashboardPage({ params }: Props) {
  const { id } = await params;
  const result = await access(id);
  if (result.kind === 'signed-out') redirect(withNext('/account/sign-in', `/instructor/cohorts/${encodeURIComponent(id)}`));
  if (result.kind === 'not-found') notFound();
  return <CohortDashboard snapshot={await loadCohortSnapshot(result.cohort.id)} />;
}
