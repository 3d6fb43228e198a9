import 'server-only';
import { db } from '@/app/_lib/db.server';
import type { Tx } from './group-commit.server';

/** Who a request acts for: an account (signed in) or an anonymous browser (cookie). */
export type LearnerKey = { userId: string } | { anonId: string };

/** The unique column that finds this learner's row. */
export const learnerWhere = (key: LearnerKey) => ('userId' in key ? { userId: key.userId } : { anonId: key.anonId });
const where = learnerWhere;

/** Creates the learner on first contact and bumps lastSeenAt, in the caller's transaction; one atomic upsert. */
export async function touchLearner(tx: Tx, key: LearnerKey, now = new Date()): Promise<string> {
  const { id } = await tx.learner.upsert({
    where: where(key),
    create: { ...where(key), lastSeenAt: now },
    update: { lastSeenAt: now },
    select: { id: true },
  });
  return id;
}

/** The learner's row id, or null when this key has never written anything (nothing is created). */
export async function findLearnerId(key: LearnerKey): Promise<string | null> {
  const learner = await db.learner.findUnique({ where: where(key), select: { id: true } });
  return learner?.id ?? null;
}
