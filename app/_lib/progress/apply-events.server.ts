import 'server-only';
import { randomUUID } from 'node:crypto';
import type { ProgressEvent } from './events';
import { groupCommit, type Tx } from './group-commit.server';
import { learnerLaneKey, touchLearner, type LearnerKey } from './learners.server';

/**
 * Applies a batch of events in order and returns the ids now stored, once they are committed
 * (group commit: see group-commit.server.ts). Each event is recorded by its browser-given id
 * first; an id the learner already sent (a replay) changes nothing. The rows are single raw
 * `INSERT ... ON CONFLICT DO UPDATE` statements that follow the merge rules in merge.ts, in
 * syntax that SQLite and PostgreSQL share (raw: Prisma's upsert costs about three times the CPU, and
 * these run on every write).
 */
export async function applyEvents(key: LearnerKey, events: readonly ProgressEvent[]): Promise<string[]> {
  return groupCommit((tx) => applyEventsIn(tx, key, events), learnerLaneKey(key));
}

/** The same inside the caller's transaction (the progress API adds its rate-limit count to it). */
export async function applyEventsIn(tx: Tx, key: LearnerKey, events: readonly ProgressEvent[]): Promise<string[]> {
  const now = new Date();
  const learnerId = await touchLearner(tx, key, now);
  for (const event of events) {
    // A browser clock ahead of ours must not date progress in the future.
    const at = new Date(Math.min(Date.parse(event.at), now.getTime()));
    const inserted = await tx.$executeRaw`
      INSERT INTO "ProgressEvent" ("learnerId", "eventId", "type", "lessonId", "occurredAt", "receivedAt")
      VALUES (${learnerId}, ${event.id}, ${event.type}, ${event.lessonId}, ${at}, ${now})
      ON CONFLICT DO NOTHING`;
    if (inserted === 0) continue;
    await startLesson(tx, learnerId, event.lessonId, at, now);
    await applyOne(tx, learnerId, event, at);
  }
  return events.map((event) => event.id);
}

function startLesson(tx: Tx, learnerId: string, lessonId: string, at: Date, now: Date) {
  return tx.$executeRaw`
    INSERT INTO "LessonProgress" ("id", "learnerId", "lessonId", "startedAt", "updatedAt")
    VALUES (${randomUUID()}, ${learnerId}, ${lessonId}, ${at}, ${now})
    ON CONFLICT ("learnerId", "lessonId") DO UPDATE SET "updatedAt" = excluded."updatedAt"`;
}

async function applyOne(tx: Tx, learnerId: string, event: ProgressEvent, at: Date): Promise<void> {
  const { lessonId } = event;
  switch (event.type) {
    case 'cell-run':
      await tx.$executeRaw`
        INSERT INTO "CellProgress" ("id", "learnerId", "lessonId", "cellId", "runs", "lastStatus", "lastRunAt")
        VALUES (${randomUUID()}, ${learnerId}, ${lessonId}, ${event.cellId}, 1, ${event.status}, ${at})
        ON CONFLICT ("learnerId", "lessonId", "cellId") DO UPDATE SET
          "runs" = "CellProgress"."runs" + 1, "lastStatus" = excluded."lastStatus", "lastRunAt" = excluded."lastRunAt"`;
      return;
    case 'exercise-attempt': {
      const errorType = event.passed ? null : event.errorType;
      await tx.$executeRaw`
        INSERT INTO "ExerciseProgress"
          ("id", "learnerId", "lessonId", "exerciseId", "attempts", "passed", "passedAt", "hintsUsed", "lastErrorType", "lastAttemptAt")
        VALUES (${randomUUID()}, ${learnerId}, ${lessonId}, ${event.exerciseId}, 1, ${event.passed},
          ${event.passed ? at : null}, ${event.hintsUsed}, ${errorType}, ${at})
        ON CONFLICT ("learnerId", "lessonId", "exerciseId") DO UPDATE SET
          "attempts" = "ExerciseProgress"."attempts" + 1,
          "passed" = CASE WHEN excluded."passed" THEN excluded."passed" ELSE "ExerciseProgress"."passed" END,
          "passedAt" = COALESCE("ExerciseProgress"."passedAt", excluded."passedAt"),
          "hintsUsed" = CASE WHEN excluded."hintsUsed" > "ExerciseProgress"."hintsUsed"
            THEN excluded."hintsUsed" ELSE "ExerciseProgress"."hintsUsed" END,
          "lastErrorType" = excluded."lastErrorType",
          "lastAttemptAt" = excluded."lastAttemptAt"`;
      return;
    }
    case 'hint':
      await tx.$executeRaw`
        INSERT INTO "ExerciseProgress" ("id", "learnerId", "lessonId", "exerciseId", "hintsUsed")
        VALUES (${randomUUID()}, ${learnerId}, ${lessonId}, ${event.exerciseId}, ${event.hintsUsed})
        ON CONFLICT ("learnerId", "lessonId", "exerciseId") DO UPDATE SET
          "hintsUsed" = CASE WHEN excluded."hintsUsed" > "ExerciseProgress"."hintsUsed"
            THEN excluded."hintsUsed" ELSE "ExerciseProgress"."hintsUsed" END`;
      return;
    case 'lesson-completed': {
      // Completion is the server's call: every listed exercise must have passed here.
      const ids = [...new Set(event.exerciseIds)];
      const passed = await tx.exerciseProgress.count({
        where: { learnerId, lessonId, exerciseId: { in: ids }, passed: true },
      });
      if (passed !== ids.length) return;
      await tx.lessonProgress.updateMany({ where: { learnerId, lessonId, completedAt: null }, data: { completedAt: at } });
      return;
    }
  }
}
