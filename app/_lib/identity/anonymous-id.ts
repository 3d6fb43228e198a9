import { randomUUID } from 'node:crypto';

/** The httpOnly cookie that identifies an anonymous learner. */
export const anonymousCookieName = 'awaitable_anon';
const anonymousIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isAnonymousId(value: string | undefined): value is string {
  return value !== undefined && anonymousIdPattern.test(value);
}

export function newAnonymousId(): string {
  return randomUUID();
}

/** Lax, never None: a page on another site must not be able to act as the learner. */
export function anonymousCookieOptions(requestIsHttps: boolean) {
  return {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: requestIsHttps,
    maxAge: 60 * 60 * 24 * 365 * 2,
  } as const;
}
