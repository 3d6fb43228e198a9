import type { CohortOverview } from '@/app/_lib/cohorts/dashboard';
import { INACTIVE_AFTER_DAYS } from '@/app/_lib/cohorts/dashboard';
import { countOf } from './format';

/** The headline figures: how many learners are moving, and how far they got. */
export function OverviewFigures({ overview }: { overview: CohortOverview }) {
  const figures = [
    { label: `Active in the last ${INACTIVE_AFTER_DAYS} days`, value: countOf(overview.activeThisWeek, overview.learners) },
    { label: 'Ran a cell', value: countOf(overview.ranACell, overview.learners) },
    { label: 'Passed an exercise', value: countOf(overview.passedAnExercise, overview.learners) },
    { label: 'Completed a lesson', value: countOf(overview.completedALesson, overview.learners) },
  ];
  return (
    <section aria-labelledby="overview-heading">
      <h2 id="overview-heading" className="sr-only">
        Overview
      </h2>
      <dl className="grid grid-cols-1 gap-3 min-[420px]:grid-cols-2 sm:grid-cols-4">
        {figures.map((figure) => (
          <div key={figure.label} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
            <dt className="text-sm text-slate-600 dark:text-slate-400">{figure.label}</dt>
            <dd className="mt-1 text-lg font-semibold">{figure.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
