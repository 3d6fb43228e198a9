import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import { knownLessonIds } from '@/app/_lib/content/lessons.server';
import { requestLearner, withLearnerCookie } from '@/app/_lib/identity/request-learner.server';
import type { LearnerKey } from '@/app/_lib/progress/learners.server';
import { parseJsonBody } from './json-body';
import { progressRateLimit, rateLimitKey, takeRequest } from './rate-limit.server';
import { isSameOriginRequest } from './same-origin';

export const noStore = { 'Cache-Control': 'no-store' };

export function jsonError(status: number, message: string, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json({ error: message }, { status, headers: { ...noStore, ...headers } });
}

/** 429 with Retry-After when this learner (or address) has used up the progress API's rate. */
export async function rateLimited(request: NextRequest): Promise<NextResponse | null> {
  const decision = await takeRequest(rateLimitKey(request, 'progress'), progressRateLimit());
  if (decision.ok) return null;
  return jsonError(429, `too many requests: try again in ${decision.retryAfterSeconds} s`, {
    'Retry-After': String(decision.retryAfterSeconds),
  });
}

/**
 * The one path by which a learner's progress changes: same-origin only, within the rate limit, a small JSON body
 * valid against `schema`, lessons that exist, and the learner from the session or the
 * anonymous cookie (issued on the first write). `write` receives the learner and the body and
 * returns the JSON reply.
 */
export async function handleProgressMutation<Schema extends z.ZodType>(
  request: NextRequest,
  schema: Schema,
  maxBytes: number,
  lessonIdsOf: (body: z.infer<Schema>) => string[],
  write: (key: LearnerKey, body: z.infer<Schema>) => Promise<unknown>,
  /** A further check of the body against the lessons; returns a message naming the field, or null. */
  check: (body: z.infer<Schema>) => Promise<string | null> = async () => null,
): Promise<NextResponse> {
  if (!isSameOriginRequest(request)) return jsonError(403, 'cross-origin requests cannot change progress');
  const limited = await rateLimited(request);
  if (limited) return limited;
  const body = await parseJsonBody(request, schema, maxBytes);
  if (!body.ok) return jsonError(body.status, body.message);
  const known = await knownLessonIds();
  const unknown = lessonIdsOf(body.data).find((lessonId) => !known.has(lessonId));
  if (unknown !== undefined) return jsonError(404, `lessonId: no lesson has the id "${unknown}"`);
  const problem = await check(body.data);
  if (problem !== null) return jsonError(400, problem);
  const learner = await requestLearner(request);
  const reply = await write(learner.key, body.data);
  return withLearnerCookie(NextResponse.json(reply, { headers: noStore }), learner, request);
}
