import { NextResponse, type NextRequest } from 'next/server';
// Any zod schema, classic or mini (the progress schemas are mini: the page bundles them).
import type { $ZodType, output } from 'zod/v4/core';
import { knownLessonIds } from '@/app/_lib/content/lessons.server';
import { requestLearner, withLearnerCookie } from '@/app/_lib/identity/request-learner.server';
import { groupCommit, type Tx } from '@/app/_lib/progress/group-commit.server';
import { learnerLaneKey, type LearnerKey } from '@/app/_lib/progress/learners.server';
import { parseJsonBody } from './json-body';
import { ReadCounter } from './read-limit';
import { checkRequest, countRequest, progressRateLimit, rateLimitKey, type RateDecision } from './rate-limit.server';
import { isSameOriginRequest } from './same-origin';

/** no-transform: the replies are a few hundred bytes, not worth gzip's CPU under load. */
export const noStore = { 'Cache-Control': 'no-store, no-transform' };

export function jsonError(status: number, message: string, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json({ error: message }, { status, headers: { ...noStore, ...headers } });
}

function tooManyRequests(decision: RateDecision): NextResponse | null {
  if (decision.ok) return null;
  return jsonError(429, `too many requests: try again in ${decision.retryAfterSeconds} s`, {
    'Retry-After': String(decision.retryAfterSeconds),
  });
}

const reads = new ReadCounter(progressRateLimit);

/**
 * 429 with Retry-After for a read when this learner (or address) has used up the progress API's
 * rate: the shared window (counted by writes on every instance) or this instance's count of
 * reads (read-limit.ts). A read writes nothing.
 */
export async function readLimited(request: NextRequest): Promise<NextResponse | null> {
  const key = rateLimitKey(request, 'progress');
  return tooManyRequests(reads.take(key)) ?? tooManyRequests(await checkRequest(key, progressRateLimit()));
}

/**
 * The one path by which a learner's progress changes: same-origin only, a small JSON body
 * valid against `schema`, lessons that exist, the learner from the session or the anonymous
 * cookie (issued on the first write), and within the rate limit. `write` receives the
 * transaction, the learner and the body and returns the JSON reply.
 */
export async function handleProgressMutation<Schema extends $ZodType>(
  request: NextRequest,
  schema: Schema,
  maxBytes: number,
  lessonIdsOf: (body: output<Schema>) => string[],
  write: (tx: Tx, key: LearnerKey, body: output<Schema>) => Promise<unknown>,
  /** A further check of the body against the lessons; returns a message naming the field, or null. */
  check: (body: output<Schema>) => Promise<string | null> = async () => null,
): Promise<NextResponse> {
  if (!isSameOriginRequest(request)) return jsonError(403, 'cross-origin requests cannot change progress');
  const body = await parseJsonBody(request, schema, maxBytes);
  if (!body.ok) return jsonError(body.status, body.message);
  const known = await knownLessonIds();
  const unknown = lessonIdsOf(body.data).find((lessonId) => !known.has(lessonId));
  if (unknown !== undefined) return jsonError(404, `lessonId: no lesson has the id "${unknown}"`);
  const problem = await check(body.data);
  if (problem !== null) return jsonError(400, problem);
  const learner = await requestLearner(request);
  // The request is counted in the transaction that holds the write: one commit for both, and a
  // refused request writes nothing but its count.
  const outcome = await groupCommit(async (tx) => {
    const decision = await countRequest(tx, rateLimitKey(request, 'progress'), progressRateLimit());
    return decision.ok ? { decision, reply: await write(tx, learner.key, body.data) } : { decision, reply: null };
  }, learnerLaneKey(learner.key));
  const limited = tooManyRequests(outcome.decision);
  if (limited) return limited;
  return withLearnerCookie(NextResponse.json(outcome.reply, { headers: noStore }), learner, request);
}
