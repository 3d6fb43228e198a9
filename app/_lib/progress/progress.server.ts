import 'server-only';
import { randomUUID } from 'node:crypto';
import { readDb } from '@/app/_lib/db.server';
import { groupCommit, type Tx } from './group-commit.server';
import { findLearnerId, learnerLaneKey, learnerWhere, touchLearner, type LearnerKey } from './learners.server';
import {
  activityByDay,
  emptyLessonProgress,
  toLessonProgress,
  toProgressSummary,
  type ActivityDay,
  type LessonProgressView,
  type ProgressSummary,
} from './rules';

export type { ActivityDay, LessonProgressView, ProgressSummary } from './rules';
export type { LearnerKey } from './learners.server';
export { applyEvents, applyEventsIn } from './apply-events.server';

/**
 * The learner's progress in one lesson; empty (and nothing created) for an unknown learner.
 * One Prisma operation (the learner and its rows of this lesson), not one per table.
 */
export async function getLessonProgress(key: LearnerKey, lessonId: string): Promise<LessonProgressView> {
  const thisLesson = { where: { lessonId } };
  const learner = await readDb.learner.findUnique({
    where: learnerWhere(key),
    select: {
      lessons: { ...thisLesson, select: { startedAt: true, completedAt: true } },
      cells: { ...thisLesson, select: { cellId: true, runs: true, lastStatus: true, lastRunAt: true } },
      code: { ...thisLesson, select: { cellId: true, code: true, editedAt: true } },
      exercises: {
        ...thisLesson,
        select: { exerciseId: true, attempts: true, passed: true, hintsUsed: true, lastErrorType: true },
      },
    },
  });
  if (learner === null) return emptyLessonProgress();
  return toLessonProgress(learner.lessons[0], learner.cells, learner.code, learner.exercises);
}

/** Every lesson the learner has started, keyed by lesson id. */
export async function getProgressSummary(key: LearnerKey): Promise<ProgressSummary> {
  const learnerId = await findLearnerId(key);
  if (learnerId === null) return {};
  const [lessons, cellCounts, passedCounts] = await Promise.all([
    readDb.lessonProgress.findMany({
      where: { learnerId },
      select: { lessonId: true, startedAt: true, completedAt: true, updatedAt: true },
    }),
    readDb.cellProgress.groupBy({ by: ['lessonId'], where: { learnerId }, _count: { _all: true } }),
    readDb.exerciseProgress.groupBy({ by: ['lessonId'], where: { learnerId, passed: true }, _count: { _all: true } }),
  ]);
  return toProgressSummary(
    lessons,
    cellCounts.map(({ lessonId, _count }) => ({ lessonId, cells: _count._all })),
    passedCounts.map(({ lessonId, _count }) => ({ lessonId, passed: _count._all })),
  );
}

/** Progress events per day over the last `days` days (UTC), for the activity chart. */
export async function getActivity(key: LearnerKey, days = 30, today = new Date()): Promise<ActivityDay[]> {
  const learnerId = await findLearnerId(key);
  const since = new Date(today.getTime() - days * 86_400_000);
  const events =
    learnerId === null
      ? []
      : await readDb.progressEvent.findMany({
          where: { learnerId, occurredAt: { gte: since } },
          select: { occurredAt: true },
        });
  return activityByDay(
    events.map(({ occurredAt }) => occurredAt),
    today,
    days,
  );
}

export type CellCodeInput = { lessonId: string; cellId: string; code: string; editedAt: Date };

/**
 * Saves a learner's edited code for a cell. The newest edit wins: an older edit that arrives
 * late (another tab, a replay after going offline) never overwrites a newer one. One statement
 * (`ON CONFLICT ... WHERE`), so concurrent saves cannot interleave; the syntax is shared by
 * SQLite and PostgreSQL.
 */
export function saveCellCode(key: LearnerKey, input: CellCodeInput): Promise<void> {
  return groupCommit((tx) => saveCellCodeIn(tx, key, input), learnerLaneKey(key));
}

/** The same inside the caller's transaction (the progress API adds its rate-limit count to it). */
export async function saveCellCodeIn(tx: Tx, key: LearnerKey, { lessonId, cellId, code, editedAt }: CellCodeInput): Promise<void> {
  const learnerId = await touchLearner(tx, key);
  await tx.$executeRaw`
    INSERT INTO "CellCode" ("id", "learnerId", "lessonId", "cellId", "code", "editedAt")
    VALUES (${randomUUID()}, ${learnerId}, ${lessonId}, ${cellId}, ${code}, ${editedAt})
    ON CONFLICT ("learnerId", "lessonId", "cellId")
    DO UPDATE SET "code" = excluded."code", "editedAt" = excluded."editedAt"
    WHERE excluded."editedAt" > "CellCode"."editedAt"`;
}
