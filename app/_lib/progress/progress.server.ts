import 'server-only';
import { randomUUID } from 'node:crypto';
import { db } from '@/app/_lib/db.server';
import {
  emptyLessonProgress,
  toLessonProgress,
  toProgressSummary,
  type LessonProgressView,
  type ProgressSummary,
} from './rules';
import type { CellRunStatus } from './schemas';

export type { LessonProgressView, ProgressSummary } from './rules';

/** Creates the learner on first contact and bumps lastSeenAt; one atomic upsert. */
async function touchLearner(anonId: string, now: Date): Promise<string> {
  const { id } = await db.learner.upsert({
    where: { anonId },
    create: { anonId, lastSeenAt: now },
    update: { lastSeenAt: now },
    select: { id: true },
  });
  return id;
}

export type CellRunInput = { anonId: string; lessonId: string; cellId: string; status: CellRunStatus };

/**
 * Records one run of a cell: creates the learner on first contact, marks the lesson started
 * (keeping the first start time) and counts the run. Each step is a single atomic upsert
 * (`INSERT ... ON CONFLICT DO UPDATE`), so concurrent calls neither lose increments nor trip
 * over the unique constraints.
 */
export async function recordCellRun({ anonId, lessonId, cellId, status }: CellRunInput): Promise<void> {
  const now = new Date();
  const learnerId = await touchLearner(anonId, now);
  await db.$transaction([
    db.lessonProgress.upsert({
      where: { learnerId_lessonId: { learnerId, lessonId } },
      create: { learnerId, lessonId, startedAt: now },
      update: { updatedAt: now },
      select: { id: true },
    }),
    db.cellProgress.upsert({
      where: { learnerId_lessonId_cellId: { learnerId, lessonId, cellId } },
      create: { learnerId, lessonId, cellId, runs: 1, lastStatus: status, lastRunAt: now },
      update: { runs: { increment: 1 }, lastStatus: status, lastRunAt: now },
      select: { id: true },
    }),
  ]);
}

/** The learner's progress in one lesson; empty (and nothing created) for an unknown learner. */
export async function getLessonProgress(anonId: string, lessonId: string): Promise<LessonProgressView> {
  const learner = await db.learner.findUnique({
    where: { anonId },
    select: {
      lessons: { where: { lessonId }, select: { startedAt: true } },
      cells: { where: { lessonId }, select: { cellId: true, runs: true, lastStatus: true, lastRunAt: true } },
      code: { where: { lessonId }, select: { cellId: true, code: true, editedAt: true } },
    },
  });
  if (learner === null) return emptyLessonProgress();
  return toLessonProgress(learner.lessons[0], learner.cells, learner.code);
}

/** Every lesson the learner has started, keyed by lesson id. */
export async function getProgressSummary(anonId: string): Promise<ProgressSummary> {
  const [lessons, cellCounts] = await Promise.all([
    db.lessonProgress.findMany({ where: { learner: { anonId } }, select: { lessonId: true, startedAt: true } }),
    db.cellProgress.groupBy({ by: ['lessonId'], where: { learner: { anonId } }, _count: { _all: true } }),
  ]);
  return toProgressSummary(
    lessons,
    cellCounts.map(({ lessonId, _count }) => ({ lessonId, cells: _count._all })),
  );
}

export type CellCodeInput = { anonId: string; lessonId: string; cellId: string; code: string; editedAt: Date };

/**
 * Saves a learner's edited code for a cell. The newest edit wins: an older edit that arrives
 * late (another tab, a replay after going offline) never overwrites a newer one. One statement
 * (`ON CONFLICT ... WHERE`), so concurrent saves cannot interleave; the syntax is shared by
 * SQLite and PostgreSQL.
 */
export async function saveCellCode({ anonId, lessonId, cellId, code, editedAt }: CellCodeInput): Promise<void> {
  const now = new Date();
  const learnerId = await touchLearner(anonId, now);
  await db.$executeRaw`
    INSERT INTO "CellCode" ("id", "learnerId", "lessonId", "cellId", "code", "editedAt")
    VALUES (${randomUUID()}, ${learnerId}, ${lessonId}, ${cellId}, ${code}, ${editedAt})
    ON CONFLICT ("learnerId", "lessonId", "cellId")
    DO UPDATE SET "code" = excluded."code", "editedAt" = excluded."editedAt"
    WHERE excluded."editedAt" > "CellCode"."editedAt"`;
}
