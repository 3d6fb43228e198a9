import 'server-only';
import type { NextRequest, NextResponse } from 'next/server';
import { currentUserId } from '@/app/_lib/auth/session.server';
import type { LearnerKey } from '@/app/_lib/progress/learners.server';
import { anonymousCookieName, anonymousCookieOptions, isAnonymousId, newAnonymousId } from './anonymous-id';

export type RequestLearner = {
  key: LearnerKey;
  /** A new anonymous id to set as the cookie on the response, when the browser had none. */
  newAnonId: string | null;
};

/**
 * Who a request acts for: the signed-in account if there is a session, else the anonymous
 * browser from its httpOnly cookie (a fresh id when it has none). Nothing a request body says
 * can choose the learner.
 */
export async function requestLearner(request: NextRequest): Promise<RequestLearner> {
  const userId = await currentUserId(request.headers);
  if (userId !== null) return { key: { userId }, newAnonId: null };
  const cookie = request.cookies.get(anonymousCookieName)?.value;
  if (isAnonymousId(cookie)) return { key: { anonId: cookie }, newAnonId: null };
  const anonId = newAnonymousId();
  return { key: { anonId }, newAnonId: anonId };
}

/** Sets the anonymous cookie on a response when `requestLearner` made a new id. */
export function withLearnerCookie(response: NextResponse, learner: RequestLearner, request: NextRequest): NextResponse {
  if (learner.newAnonId !== null) {
    response.cookies.set(anonymousCookieName, learner.newAnonId, anonymousCookieOptions(request.nextUrl.protocol === 'https:'));
  }
  return response;
}
