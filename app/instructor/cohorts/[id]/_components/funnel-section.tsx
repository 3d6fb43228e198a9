import type { LessonFunnel } from '@/app/_lib/cohorts/dashboard';
import { seriesColor, type Series } from './chart-colors';
import { ChartLegend } from './chart-legend';
import { countOf } from './format';
import { InlineCode } from './inline-code';
import { FunnelChart, type FunnelPoint } from './funnel-chart';
import { TableFrame, bodyRowClass, headRowClass, tableClass } from './table-frame';

const series: Series[] = [
  { key: 'started', label: 'Started', color: seriesColor.started },
  { key: 'passedAnExercise', label: 'Passed an exercise', color: seriesColor.passed },
  { key: 'completed', label: 'Completed', color: seriesColor.completed },
];

/** Per lesson, in course order: how many learners joined, started, passed an exercise, completed. */
export function FunnelSection({ funnel, joined }: { funnel: LessonFunnel[]; joined: number }) {
  const points: FunnelPoint[] = funnel.map((lesson) => ({
    lesson: String(lesson.position),
    title: `${lesson.position}. ${lesson.title.replaceAll('`', '')}`,
    started: lesson.started,
    ...(lesson.passedAnExercise === null ? {} : { passedAnExercise: lesson.passedAnExercise }),
    ...(lesson.completed === null ? {} : { completed: lesson.completed }),
  }));
  return (
    <section aria-labelledby="funnel-heading">
      <h2 id="funnel-heading" className="text-xl font-semibold">
        Completion by lesson
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Of the {joined} who joined, per lesson: who started it (ran a cell, checked an exercise or revealed a hint), passed at least
        one of its exercises, and completed it (passed them all).
      </p>
      <figure className="mt-4 space-y-2">
        <ChartLegend series={series} />
        <FunnelChart points={points} series={series} joined={joined} />
        <figcaption className="text-sm text-slate-600 dark:text-slate-400">
          Bars are numbered by lesson, as in the table below; the scale runs to the {joined} who joined.
        </figcaption>
      </figure>
      <TableFrame label="Completion by lesson, as a table">
        <table className={tableClass}>
          <caption className="sr-only">Learners at each step, per lesson</caption>
          <thead>
            <tr className={headRowClass}>
              <th scope="col">Lesson</th>
              <th scope="col">Started</th>
              <th scope="col">Passed an exercise</th>
              <th scope="col">Completed</th>
            </tr>
          </thead>
          <tbody>
            {funnel.map((lesson) => (
              <tr key={lesson.lessonId} className={bodyRowClass}>
                <th scope="row" className="min-w-48 font-normal">
                  {lesson.position}. <InlineCode text={lesson.title} />
                </th>
                <td>{countOf(lesson.started, lesson.joined)}</td>
                <td>{lesson.passedAnExercise === null ? 'No exercises' : countOf(lesson.passedAnExercise, lesson.joined)}</td>
                <td>{lesson.completed === null ? 'No exercises' : countOf(lesson.completed, lesson.joined)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </section>
  );
}
