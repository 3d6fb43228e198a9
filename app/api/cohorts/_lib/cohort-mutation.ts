import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { currentUserId } from '@/app/_lib/auth/session.server';
import { parseJsonBody } from '@/app/_lib/http/json-body';
import { jsonError, noStore } from '@/app/_lib/http/progress-mutation';
import { takeRequest } from '@/app/_lib/http/rate-limit.server';
import { isSameOriginRequest } from '@/app/_lib/http/same-origin';

/** Cohort changes per account per minute: far above any class's needs, far below a script's. */
const cohortRateLimit = { limit: 30, windowMs: 60_000 };

export const json = (body: unknown, status = 200) => NextResponse.json(body, { status, headers: noStore });

/**
 * The one path by which cohorts change: same-origin only (403), a signed-in account (401),
 * allowed by `authorize` (its answer, e.g. 403), within the rate limit (429), a small JSON body
 * valid against `schema` (400 naming the field); then `act` answers.
 */
export async function cohortMutation<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  act: (userId: string, body: z.infer<Schema>) => Promise<NextResponse>,
  authorize: (userId: string) => Promise<NextResponse | null> = async () => null,
): Promise<NextResponse> {
  if (!isSameOriginRequest(request)) return jsonError(403, 'cross-origin requests cannot change cohorts');
  const userId = await currentUserId(request.headers);
  if (userId === null) return jsonError(401, 'sign in first');
  const refused = await authorize(userId);
  if (refused) return refused;
  const decision = await takeRequest(`cohorts:u:${userId}`, cohortRateLimit);
  if (!decision.ok) {
    return jsonError(429, `too many requests: try again in ${decision.retryAfterSeconds} s`, { 'Retry-After': String(decision.retryAfterSeconds) });
  }
  const body = await parseJsonBody(request, schema, 4 * 1024);
  if (!body.ok) return jsonError(body.status, body.message);
  return act(userId, body.data);
}
