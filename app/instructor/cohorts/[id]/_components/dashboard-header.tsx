import Link from 'next/link';
import type { CohortSnapshot } from '@/app/_lib/cohorts/cohort-snapshot';
import { formatJoinCode, joinPath } from '@/app/_lib/cohorts/join-code';
import { CsvColumns } from './csv-columns';
import { moment, plural } from './format';
import { CopyJoinLink } from '@/app/instructor/_components/copy-join-link';

/** The cohort's name, size, how to join it, the CSV download and when the figures were read. */
export function DashboardHeader({ snapshot }: { snapshot: CohortSnapshot }) {
  const { cohort, learners, takenAt } = snapshot;
  return (
    <header className="space-y-4">
      <p className="text-sm">
        <Link href="/instructor" className="text-indigo-700 underline dark:text-indigo-300">
          Your cohorts
        </Link>
      </p>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight break-words">{cohort.name}</h1>
          <p className="mt-1 text-slate-600 dark:text-slate-400">
            {plural(learners.length, 'learner')} · {plural(snapshot.lessons.length, 'lesson')}
          </p>
        </div>
        <a
          href={`/instructor/cohorts/${encodeURIComponent(cohort.id)}/export.csv`}
          className="rounded-md bg-indigo-700 px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-800"
        >
          Download CSV
        </a>
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-600 dark:text-slate-400">Join code</dt>
        <dd className="font-mono text-base tracking-wider">{formatJoinCode(cohort.joinCode)}</dd>
        <dt className="font-medium text-slate-600 dark:text-slate-400">Join link</dt>
        <dd>
          <CopyJoinLink path={joinPath(cohort.joinCode)} cohortName={cohort.name} />
        </dd>
        <dt className="font-medium text-slate-600 dark:text-slate-400">Last updated</dt>
        <dd>
          <time dateTime={takenAt.toISOString()}>{moment(takenAt)}</time>{' '}
          <a href={`/instructor/cohorts/${encodeURIComponent(cohort.id)}`} className="text-indigo-700 underline dark:text-indigo-300">
            Refresh
          </a>
        </dd>
      </dl>
      <CsvColumns />
    </header>
  );
}
