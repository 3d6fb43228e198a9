import type { CohortSnapshot } from '@/app/_lib/cohorts/cohort-snapshot';
import { cohortOverview, commonErrorTypes, exerciseStats, inactiveLearners, learnerRows, lessonFunnel } from '@/app/_lib/cohorts/dashboard';
import { formatJoinCode } from '@/app/_lib/cohorts/join-code';
import { DashboardHeader } from './dashboard-header';
import { ErrorsSection } from './errors-section';
import { ExerciseSection } from './exercise-section';
import { FunnelSection } from './funnel-section';
import { LearnersSection } from './learners-section';
import { OverviewFigures } from './overview-figures';

/** A cohort's dashboard, drawn from one snapshot: every figure on the page is read at the same moment. */
export function CohortDashboard({ snapshot }: { snapshot: CohortSnapshot }) {
  const rows = learnerRows(snapshot);
  const overview = cohortOverview(snapshot, rows);
  return (
    <div className="space-y-10">
      <DashboardHeader snapshot={snapshot} />
      {rows.length === 0 ? (
        <section aria-labelledby="empty-heading" className="rounded-md border border-dashed border-slate-300 p-6 dark:border-slate-700">
          <h2 id="empty-heading" className="text-xl font-semibold">
            No learners yet
          </h2>
          <p className="mt-2 text-slate-700 dark:text-slate-300">
            Share the join link or the code {formatJoinCode(snapshot.cohort.joinCode)}. Learners sign in, join, and their progress
            appears here: completion per lesson, pass rates, attempts, hints, common errors and who has gone quiet.
          </p>
        </section>
      ) : (
        <>
          <OverviewFigures overview={overview} />
          <FunnelSection funnel={lessonFunnel(snapshot)} joined={rows.length} />
          <ExerciseSection stats={exerciseStats(snapshot)} learners={rows.length} />
          <ErrorsSection errors={commonErrorTypes(snapshot)} overview={overview} />
          <LearnersSection rows={rows} inactive={inactiveLearners(rows)} overview={overview} />
        </>
      )}
    </div>
  );
}
