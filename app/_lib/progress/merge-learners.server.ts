import 'server-only';
import { db } from '@/app/_lib/db.server';
import { mergeCell, mergeCode, mergeExercise, mergeLesson } from './merge';

/**
 * Signing up or in: the anonymous browser's progress joins the account, losing nothing.
 * - the account has no progress yet: the anonymous learner simply becomes the account's;
 * - both have progress: every lesson, cell, exercise and edit is merged by the pure rules in
 *   merge.ts, the events move over (ids the account already has are kept once), and the
 *   anonymous learner is deleted.
 * Either way the anonymous id stops naming this progress, so signing out leaves nothing behind
 * for the next person at this browser.
 */
export async function mergeAnonymousLearner(anonId: string, userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const anonymous = await tx.learner.findUnique({ where: { anonId }, select: { id: true, userId: true } });
    if (anonymous === null || anonymous.userId === userId) return;
    if (anonymous.userId !== null) {
      // This browser's learner already belongs to another account: leave both alone.
      return;
    }
    const account = await tx.learner.findUnique({ where: { userId }, select: { id: true } });
    if (account === null) {
      await tx.learner.update({ where: { id: anonymous.id }, data: { userId, anonId: null } });
      return;
    }
    const from = anonymous.id;
    const into = account.id;

    for (const row of await tx.lessonProgress.findMany({ where: { learnerId: from } })) {
      const key = { learnerId: into, lessonId: row.lessonId };
      const mine = await tx.lessonProgress.findUnique({ where: { learnerId_lessonId: key } });
      const merged = mine ? mergeLesson(mine, row) : row;
      const updatedAt = mine && mine.updatedAt > row.updatedAt ? mine.updatedAt : row.updatedAt;
      await tx.lessonProgress.upsert({
        where: { learnerId_lessonId: key },
        create: { ...key, startedAt: merged.startedAt, completedAt: merged.completedAt, updatedAt },
        update: { startedAt: merged.startedAt, completedAt: merged.completedAt, updatedAt },
      });
    }
    for (const row of await tx.cellProgress.findMany({ where: { learnerId: from } })) {
      const key = { learnerId: into, lessonId: row.lessonId, cellId: row.cellId };
      const mine = await tx.cellProgress.findUnique({ where: { learnerId_lessonId_cellId: key } });
      const merged = mine ? mergeCell(mine, row) : row;
      const data = { runs: merged.runs, lastStatus: merged.lastStatus, lastRunAt: merged.lastRunAt };
      await tx.cellProgress.upsert({ where: { learnerId_lessonId_cellId: key }, create: { ...key, ...data }, update: data });
    }
    for (const row of await tx.exerciseProgress.findMany({ where: { learnerId: from } })) {
      const key = { learnerId: into, lessonId: row.lessonId, exerciseId: row.exerciseId };
      const mine = await tx.exerciseProgress.findUnique({ where: { learnerId_lessonId_exerciseId: key } });
      const { attempts, passed, passedAt, hintsUsed, lastErrorType, lastAttemptAt } = mine ? mergeExercise(mine, row) : row;
      const data = { attempts, passed, passedAt, hintsUsed, lastErrorType, lastAttemptAt };
      await tx.exerciseProgress.upsert({ where: { learnerId_lessonId_exerciseId: key }, create: { ...key, ...data }, update: data });
    }
    for (const row of await tx.cellCode.findMany({ where: { learnerId: from } })) {
      const key = { learnerId: into, lessonId: row.lessonId, cellId: row.cellId };
      const mine = await tx.cellCode.findUnique({ where: { learnerId_lessonId_cellId: key } });
      const merged = mine ? mergeCode(mine, row) : row;
      const data = { code: merged.code, editedAt: merged.editedAt };
      await tx.cellCode.upsert({ where: { learnerId_lessonId_cellId: key }, create: { ...key, ...data }, update: data });
    }
    await tx.$executeRaw`
      INSERT INTO "ProgressEvent" ("learnerId", "eventId", "type", "lessonId", "occurredAt", "receivedAt")
      SELECT ${into}, "eventId", "type", "lessonId", "occurredAt", "receivedAt" FROM "ProgressEvent" WHERE "learnerId" = ${from}
      ON CONFLICT DO NOTHING`;
    await tx.learner.delete({ where: { id: from } });
  });
}
