import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import { knownLessonIds } from '@/app/_lib/content/lessons.server';
import {
  anonymousCookieName,
  anonymousCookieOptions,
  isAnonymousId,
  newAnonymousId,
} from '@/app/_lib/identity/anonymous-id';
import { parseJsonBody } from './json-body';
import { isSameOriginRequest } from './same-origin';

export const noStore = { 'Cache-Control': 'no-store' };

export function jsonError(status: number, message: string): NextResponse {
  return NextResponse.json({ error: message }, { status, headers: noStore });
}

/**
 * The one path by which a learner's progress changes: same-origin only, a small JSON body
 * valid against `schema`, a lesson that exists, and the learner's anonymous cookie (issued on
 * the first write). `write` receives the learner and the validated body.
 */
export async function handleProgressMutation<Schema extends z.ZodType<{ lessonId: string }>>(
  request: NextRequest,
  schema: Schema,
  maxBytes: number,
  write: (anonId: string, body: z.infer<Schema>) => Promise<void>,
): Promise<NextResponse> {
  if (!isSameOriginRequest(request)) return jsonError(403, 'cross-origin requests cannot change progress');
  const body = await parseJsonBody(request, schema, maxBytes);
  if (!body.ok) return jsonError(body.status, body.message);
  if (!(await knownLessonIds()).has(body.data.lessonId)) {
    return jsonError(404, `lessonId: no lesson has the id "${body.data.lessonId}"`);
  }
  const cookie = request.cookies.get(anonymousCookieName)?.value;
  const anonId = isAnonymousId(cookie) ? cookie : newAnonymousId();
  await write(anonId, body.data);
  const response = NextResponse.json({ ok: true }, { headers: noStore });
  if (anonId !== cookie) {
    response.cookies.set(anonymousCookieName, anonId, anonymousCookieOptions(request.nextUrl.protocol === 'https:'));
  }
  return response;
}
