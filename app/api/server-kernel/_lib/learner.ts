import type { NextRequest, NextResponse } from 'next/server';
import {
  anonymousCookieName,
  anonymousCookieOptions,
  isAnonymousId,
  newAnonymousId,
} from '@/app/_lib/identity/anonymous-id';

/** The learner a request comes from: their anonymous cookie, or a new one to issue. */
export function learnerOf(request: NextRequest): { id: string; isNew: boolean } {
  const cookie = request.cookies.get(anonymousCookieName)?.value;
  return isAnonymousId(cookie) ? { id: cookie, isNew: false } : { id: newAnonymousId(), isNew: true };
}

export function issueLearnerCookie(request: NextRequest, response: NextResponse, learner: { id: string; isNew: boolean }): void {
  if (!learner.isNew) return;
  response.cookies.set(anonymousCookieName, learner.id, anonymousCookieOptions(request.nextUrl.protocol === 'https:'));
}
