import type { CohortOverview, ErrorTypeCount } from '@/app/_lib/cohorts/dashboard';
import { plural } from './format';
import { TableFrame, bodyRowClass, headRowClass, tableClass } from './table-frame';

/** The exception types learners' failed exercise checks ended with, and how many cells end in an error. */
export function ErrorsSection({ errors, overview }: { errors: ErrorTypeCount[]; overview: CohortOverview }) {
  const most = errors[0]?.exercises ?? 0;
  return (
    <section aria-labelledby="errors-heading">
      <h2 id="errors-heading" className="text-xl font-semibold">
        Most common errors
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        The exception each learner&apos;s last failed check raised, on exercises not passed yet.
      </p>
      {errors.length === 0 ? (
        <p className="mt-3">No failed exercise checks right now.</p>
      ) : (
        <TableFrame label="Most common errors, as a table">
          <table className={tableClass}>
            <caption className="sr-only">Error types of failed exercise checks</caption>
            <thead>
              <tr className={headRowClass}>
                <th scope="col">Error type</th>
                <th scope="col">Stuck exercises</th>
                <th scope="col">Learners</th>
              </tr>
            </thead>
            <tbody>
              {errors.map((error) => (
                <tr key={error.errorType} className={bodyRowClass}>
                  <th scope="row" className="font-mono font-normal">
                    {error.errorType}
                  </th>
                  <td>
                    <span className="flex items-center gap-2">
                      <span className="w-6 text-right tabular-nums">{error.exercises}</span>
                      <span
                        aria-hidden="true"
                        className="inline-block h-2 rounded-sm bg-amber-500"
                        style={{ width: `${Math.max(4, Math.round((error.exercises / most) * 96))}px` }}
                      />
                    </span>
                  </td>
                  <td>{error.learners}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
      <p className="mt-3 text-sm">
        Cells whose last run raised an error: {overview.cellErrors} (of {plural(overview.cellRuns, 'cell run')} in all).
      </p>
    </section>
  );
}
