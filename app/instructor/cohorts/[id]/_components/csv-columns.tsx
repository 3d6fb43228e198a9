import { CSV_COLUMN_DOCS, CSV_COLUMNS } from '@/app/_lib/cohorts/cohort-csv';

/** What the CSV download holds, column by column, folded away until asked for. */
export function CsvColumns() {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-700 dark:text-slate-300">What the CSV holds</summary>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        One row per learner and exercise, in course order (one row for a lesson without exercises). Times are ISO 8601 in UTC. A cell
        that would start with = + - or @ gets a leading &apos; so a spreadsheet never runs it as a formula.
      </p>
      <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        {CSV_COLUMNS.map((column) => (
          <div key={column} className="contents">
            <dt className="font-mono text-[0.9em]">{column}</dt>
            <dd className="mb-1 text-slate-700 sm:mb-0 dark:text-slate-300">{CSV_COLUMN_DOCS[column]}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
