import type { ExerciseStats } from '@/app/_lib/cohorts/dashboard';
import { seriesColor, type Series } from './chart-colors';
import { ChartLegend } from './chart-legend';
import { InlineCode } from './inline-code';
import { ExerciseChart, type ExercisePoint } from './exercise-chart';
import { decimal, percent } from './format';
import { TableFrame, bodyRowClass, headRowClass, tableClass } from './table-frame';

const series: Series[] = [
  { key: 'passed', label: 'Passed', color: seriesColor.passed },
  { key: 'stuck', label: 'Stuck (attempted, not passed)', color: seriesColor.stuck },
  { key: 'notAttempted', label: 'Not attempted', color: seriesColor.notAttempted },
];

/** Per exercise: pass rates, attempts, hints and who is stuck, as a chart and a table. */
export function ExerciseSection({ stats, learners }: { stats: ExerciseStats[]; learners: number }) {
  const numbered = stats.map((exercise) => ({ ...exercise, label: `${exercise.lessonPosition}.${exercise.position}` }));
  const points: ExercisePoint[] = numbered.map((exercise) => ({
    exercise: exercise.label,
    title: `${exercise.label} ${exercise.title.replaceAll('`', '')}`,
    passed: exercise.passed,
    stuck: exercise.stuck,
    notAttempted: Math.max(0, exercise.learners - exercise.passed - exercise.stuck),
  }));
  return (
    <section aria-labelledby="exercises-heading">
      <h2 id="exercises-heading" className="text-xl font-semibold">
        Exercises
      </h2>
      {stats.length === 0 ? (
        <p className="mt-2 text-slate-600 dark:text-slate-400">The course has no exercises.</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Pass rate of those who attempted, and of all {learners} learners; attempts are checked runs; hints are averaged over the
            learners who attempted or revealed one.
          </p>
          <figure className="mt-4 space-y-2">
            <ChartLegend series={series} />
            <ExerciseChart points={points} series={series} learners={learners} />
            <figcaption className="text-sm text-slate-600 dark:text-slate-400">Exercise numbers are lesson.exercise, as in the table below.</figcaption>
          </figure>
          <TableFrame label="Exercises, as a table">
            <table className={tableClass}>
              <caption className="sr-only">Pass rate, attempts, hints and learners stuck, per exercise</caption>
              <thead>
                <tr className={headRowClass}>
                  <th scope="col">Exercise</th>
                  <th scope="col">Passed / attempted</th>
                  <th scope="col">Passed / learners</th>
                  <th scope="col">Median attempts</th>
                  <th scope="col">Mean hints</th>
                  <th scope="col">Stuck</th>
                </tr>
              </thead>
              <tbody>
                {numbered.map((exercise) => (
                  <tr key={`${exercise.lessonId}/${exercise.exerciseId}`} className={bodyRowClass}>
                    <th scope="row" className="min-w-48 font-normal">
                      {exercise.label} <InlineCode text={exercise.title} />
                    </th>
                    <td>{exercise.attempted === 0 ? 'No attempts' : `${exercise.passed} of ${exercise.attempted} (${percent(exercise.passRateOfAttempted)})`}</td>
                    <td>
                      {exercise.passed} of {exercise.learners} ({percent(exercise.passRateOfLearners)})
                    </td>
                    <td>{decimal(exercise.medianAttempts)}</td>
                    <td>{decimal(exercise.meanHints)}</td>
                    <td>{exercise.stuck}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        </>
      )}
    </section>
  );
}
