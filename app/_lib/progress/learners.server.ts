import 'server-only';
import { randomUUID } from 'node:crypto';
import { readDb } from '@/app/_lib/db.server';
import type { Tx } from './group-commit.server';

/** Who a request acts for: an account (signed in) or an anonymous browser (cookie). */
export type LearnerKey = { userId: string } | { anonId: string };

/** The unique column that finds this learner's row. */
export const learnerWhere = (key: LearnerKey) => ('userId' in key ? { userId: key.userId } : { anonId: key.anonId });
const where = learnerWhere;

/** A string naming the learner, for the group-commit lane its writes take. */
export const learnerLaneKey = (key: LearnerKey) => ('userId' in key ? `u:${key.userId}` : `a:${key.anonId}`);

/**
 * Creates the learner on first contact and bumps lastSeenAt, in the caller's transaction: one
 * atomic `INSERT ... ON CONFLICT DO UPDATE ... RETURNING` (a raw statement: on every write, and
 * Prisma's upsert costs about three times the CPU).
 */
export async function touchLearner(tx: Tx, key: LearnerKey, now = new Date()): Promise<string> {
  const id = randomUUID();
  const rows =
    'userId' in key
      ? await tx.$queryRaw<Array<{ id: string }>>`
          INSERT INTO "Learner" ("id", "userId", "createdAt", "lastSeenAt") VALUES (${id}, ${key.userId}, ${now}, ${now})
          ON CONFLICT ("userId") DO UPDATE SET "lastSeenAt" = excluded."lastSeenAt"
          RETURNING "id"`
      : await tx.$queryRaw<Array<{ id: string }>>`
          INSERT INTO "Learner" ("id", "anonId", "createdAt", "lastSeenAt") VALUES (${id}, ${key.anonId}, ${now}, ${now})
          ON CONFLICT ("anonId") DO UPDATE SET "lastSeenAt" = excluded."lastSeenAt"
          RETURNING "id"`;
  const learnerId = rows[0]?.id;
  if (learnerId === undefined) throw new Error('touchLearner: the upsert returned no row');
  return learnerId;
}

/** The learner's row id, or null when this key has never written anything (nothing is created). */
export async function findLearnerId(key: LearnerKey): Promise<string | null> {
  const learner = await readDb.learner.findUnique({ where: where(key), select: { id: true } });
  return learner?.id ?? null;
}
