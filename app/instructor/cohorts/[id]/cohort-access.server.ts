import 'server-only';
import { z } from 'zod';
import { currentUserId } from '@/app/_lib/auth/session.server';
import { cohortForInstructor, type CohortSummary } from '@/app/_lib/cohorts/cohorts.server';

const cohortIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export type CohortAccess = { kind: 'signed-out' } | { kind: 'not-found' } | { kind: 'instructor'; cohort: CohortSummary };

/**
 * Who may see a cohort's dashboard and export: only its instructors. Anyone else (another
 * instructor, a learner, a cohort id that does not exist) gets the same answer, "not found", so
 * a cohort's existence is never revealed. A signed-out visitor is told apart only so the page
 * can offer sign-in, which it does for any id.
 */
export async function cohortAccess(headers: Headers, cohortId: string): Promise<CohortAccess> {
  const userId = await currentUserId(headers);
  if (userId === null) return { kind: 'signed-out' };
  // Cohort ids are cuids: anything else cannot name one, and is not worth a database read.
  if (!cohortIdSchema.safeParse(cohortId).success) return { kind: 'not-found' };
  const cohort = await cohortForInstructor(userId, cohortId);
  return cohort === null ? { kind: 'not-found' } : { kind: 'instructor', cohort };
}
