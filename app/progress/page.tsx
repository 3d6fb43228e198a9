import type { Metadata } from 'next';
import { MyProgress } from '@/app/_components/progress/my-progress';
import { pageLearner } from '@/app/_lib/identity/page-learner.server';
import { getActivity, getProgressSummary } from '@/app/_lib/progress/progress.server';
import { activityByDay } from '@/app/_lib/progress/rules';

export const metadata: Metadata = { title: 'My progress' };

export default async function MyProgressPage() {
  const learner = await pageLearner();
  const [summary, activity] = learner
    ? await Promise.all([getProgressSummary(learner), getActivity(learner)])
    : [{}, activityByDay([], new Date(), 30)];
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold tracking-tight">My progress</h1>
      <MyProgress summary={summary} activity={activity} signedIn={learner !== null && 'userId' in learner} />
    </>
  );
}
