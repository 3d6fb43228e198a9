import 'server-only';
import { cookies, headers } from 'next/headers';
import { currentUserId } from '@/app/_lib/auth/session.server';
import type { LearnerKey } from '@/app/_lib/progress/learners.server';
import { anonymousCookieName, isAnonymousId } from './anonymous-id';

/** The learner a server-rendered page shows: the account, else the anonymous cookie, else nobody. */
export async function pageLearner(): Promise<LearnerKey | null> {
  const userId = await currentUserId(await headers());
  if (userId !== null) return { userId };
  const anonId = (await cookies()).get(anonymousCookieName)?.value;
  return isAnonymousId(anonId) ? { anonId } : null;
}
