import type { CohortOverview, LearnerRow } from '@/app/_lib/cohorts/dashboard';
import { INACTIVE_AFTER_DAYS } from '@/app/_lib/cohorts/dashboard';
import { day, daysAgo } from './format';
import { TableFrame, bodyRowClass, headRowClass, tableClass } from './table-frame';

function LastActive({ row }: { row: LearnerRow }) {
  if (row.lastActiveAt === null || row.daysInactive === null) return <>Never</>;
  return (
    <>
      <time dateTime={row.lastActiveAt.toISOString()}>{day(row.lastActiveAt)}</time> ({daysAgo(row.daysInactive)})
    </>
  );
}

/** Who has gone quiet (a week without progress, or never started), then every learner's totals. */
export function LearnersSection({ rows, inactive, overview }: { rows: LearnerRow[]; inactive: LearnerRow[]; overview: CohortOverview }) {
  return (
    <>
      <section aria-labelledby="inactive-heading">
        <h2 id="inactive-heading" className="text-xl font-semibold">
          No progress for {INACTIVE_AFTER_DAYS} days
        </h2>
        {inactive.length === 0 ? (
          <p className="mt-2">Everyone has made progress in the last {INACTIVE_AFTER_DAYS} days.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100 rounded-md border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {inactive.map((row) => (
              <li key={row.learnerId} className="flex flex-wrap justify-between gap-x-4 gap-y-1 px-3 py-2">
                <span>
                  <span className="font-medium">{row.name}</span>{' '}
                  <span className="break-all text-sm text-slate-600 dark:text-slate-400">{row.email}</span>
                </span>
                <span className="text-sm">
                  {row.status === 'never-active' ? 'No activity yet' : <>Last active <LastActive row={row} /></>}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="learners-heading">
        <h2 id="learners-heading" className="text-xl font-semibold">
          Learners
        </h2>
        <TableFrame label="Learners, as a table">
          <table className={tableClass}>
            <caption className="sr-only">Each learner&apos;s lessons, exercises and last activity</caption>
            <thead>
              <tr className={headRowClass}>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Lessons completed</th>
                <th scope="col">Exercises passed</th>
                <th scope="col">Last active</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.learnerId} className={bodyRowClass}>
                  <th scope="row" className="font-medium">
                    {row.name}
                  </th>
                  <td>{row.email}</td>
                  <td>
                    {row.lessonsCompleted} of {overview.lessonsWithExercises}
                  </td>
                  <td>
                    {row.exercisesPassed} of {overview.exercises}
                  </td>
                  <td>
                    <LastActive row={row} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      </section>
    </>
  );
}
