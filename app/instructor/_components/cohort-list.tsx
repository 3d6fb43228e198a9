import Link from 'next/link';
import type { InstructorCohort } from '@/app/_lib/cohorts/cohorts.server';
import { formatJoinCode, joinPath } from '@/app/_lib/cohorts/join-code';
import { CopyJoinLink } from './copy-join-link';

const learners = (count: number) => (count === 1 ? '1 learner' : `${count} learners`);

/** The instructor's cohorts, newest first: learners, join code and link, dashboard. */
export function CohortList({ cohorts }: { cohorts: InstructorCohort[] }) {
  if (cohorts.length === 0) {
    return <p className="mt-8 text-slate-600 dark:text-slate-300">No cohorts yet: create one above, then share its join link.</p>;
  }
  return (
    <ul aria-label="Cohorts" className="mt-8 space-y-4">
      {cohorts.map((cohort) => (
        <li key={cohort.id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
          <article aria-labelledby={`cohort-${cohort.id}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id={`cohort-${cohort.id}`} className="text-lg font-semibold">
                {cohort.name}
              </h2>
              <span className="text-sm text-slate-600 dark:text-slate-400">{learners(cohort.learnerCount)}</span>
            </div>
            <p className="mt-2 text-sm">
              Join code <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono dark:bg-slate-800">{formatJoinCode(cohort.joinCode)}</code>
            </p>
            <p className="mt-2">
              <CopyJoinLink path={joinPath(cohort.joinCode)} cohortName={cohort.name} />
            </p>
            <p className="mt-3">
              <Link
                href={`/instructor/cohorts/${cohort.id}`}
                className="text-sm font-medium text-indigo-700 underline dark:text-indigo-300"
                aria-label={`Dashboard of ${cohort.name}`}
              >
                Dashboard
              </Link>
            </p>
          </article>
        </li>
      ))}
    </ul>
  );
}
