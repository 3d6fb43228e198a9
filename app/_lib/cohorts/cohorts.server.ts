import 'server-only';
import { db } from '@/app/_lib/db.server';
import { newJoinCode, parseJoinCode } from './join-code';

export { loadCohortSnapshot } from './snapshot.server';

/** A cohort as its instructors and would-be members see it (joinCode as stored, no dash). */
export type CohortSummary = { id: string; name: string; joinCode: string; createdAt: Date };
export type InstructorCohort = CohortSummary & { learnerCount: number };

const summary = { id: true, name: true, joinCode: true, createdAt: true } as const;

/** Read from the database on every call, so a grant or revoke takes effect at once. */
export async function isInstructor(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  return user?.role === 'instructor';
}

/** The cohort if `userId` is one of its instructors, else null (callers answer 404, not 403, to not reveal it exists). */
export async function cohortForInstructor(userId: string, cohortId: string): Promise<CohortSummary | null> {
  const row = await db.cohortInstructor.findUnique({
    where: { cohortId_userId: { cohortId, userId } },
    select: { cohort: { select: summary }, user: { select: { role: true } } },
  });
  // A revoked instructor keeps the rows (a re-grant restores them) but sees nothing meanwhile.
  return row && row.user.role === 'instructor' ? row.cohort : null;
}

/** The cohorts `userId` teaches, newest first, with how many learners joined each. */
export async function listCohortsForInstructor(userId: string): Promise<InstructorCohort[]> {
  const rows = await db.cohort.findMany({
    where: { instructors: { some: { userId } } },
    select: { ...summary, _count: { select: { members: true } } },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  });
  return rows.map(({ _count, ...cohort }) => ({ ...cohort, learnerCount: _count.members }));
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
}

/**
 * A new cohort with a fresh join code; its creator is its first instructor. The caller checks
 * that `userId` is an instructor (isInstructor) and validates the name.
 */
export async function createCohort(userId: string, name: string): Promise<CohortSummary> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.cohort.create({
        data: { name, joinCode: newJoinCode(), createdById: userId, instructors: { create: { userId } } },
        select: summary,
      });
    } catch (error) {
      // 30^8 codes: a clash is rare, and a second draw all but never clashes again.
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}

/** The cohort a join code (as typed: any case, dashes, spaces) opens, or null. */
export async function findCohortByCode(input: string): Promise<CohortSummary | null> {
  const joinCode = parseJoinCode(input);
  if (joinCode === null) return null;
  return db.cohort.findUnique({ where: { joinCode }, select: summary });
}

/** Whether the account's learner has joined the cohort. */
export async function isMember(userId: string, cohortId: string): Promise<boolean> {
  const count = await db.cohortMember.count({ where: { cohortId, learner: { userId } } });
  return count > 0;
}

/**
 * The signed-in account joins the cohort the code opens (its learner row is created if it has
 * none yet). Joining again changes nothing. Null when no cohort has the code.
 */
export async function joinCohort(userId: string, code: string): Promise<{ cohort: CohortSummary; alreadyMember: boolean } | null> {
  const cohort = await findCohortByCode(code);
  if (cohort === null) return null;
  const join = () =>
    db.$transaction(async (tx) => {
      const { id: learnerId } = await tx.learner.upsert({ where: { userId }, create: { userId }, update: {}, select: { id: true } });
      const key = { cohortId: cohort.id, learnerId };
      const existing = await tx.cohortMember.findUnique({ where: { cohortId_learnerId: key }, select: { joinedAt: true } });
      if (existing === null) await tx.cohortMember.create({ data: key });
      return { cohort, alreadyMember: existing !== null };
    });
  try {
    return await join();
  } catch (error) {
    // Two tabs joining at once: the other created the row first; now it is there to find.
    if (!isUniqueViolation(error)) throw error;
    return join();
  }
}
