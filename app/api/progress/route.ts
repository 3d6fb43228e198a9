import { NextResponse, type NextRequest } from 'next/server';
import { knownLessonIds } from '@/app/_lib/content/lessons.server';
import { parseJsonBody } from '@/app/_lib/http/json-body';
import { isSameOriginRequest } from '@/app/_lib/http/same-origin';
import {
  anonymousCookieName,
  anonymousCookieOptions,
  isAnonymousId,
  newAnonymousId,
} from '@/app/_lib/identity/anonymous-id';
import { getLessonProgress, recordCellRun } from '@/app/_lib/progress/progress.server';
import { cellRunEventSchema, lessonIdSchema } from '@/app/_lib/progress/schemas';

const noStore = { 'Cache-Control': 'no-store' };
const error = (status: number, message: string) => NextResponse.json({ error: message }, { status, headers: noStore });

export async function GET(request: NextRequest) {
  const lessonId = lessonIdSchema.safeParse(request.nextUrl.searchParams.get('lessonId'));
  if (!lessonId.success) return error(400, `lessonId: ${lessonId.error.issues[0]?.message ?? 'invalid'}`);
  const anonId = request.cookies.get(anonymousCookieName)?.value;
  const progress = isAnonymousId(anonId)
    ? await getLessonProgress(anonId, lessonId.data)
    : { startedAt: null, cells: {} };
  return NextResponse.json(progress, { headers: noStore });
}

export async function POST(request: NextRequest) {
  if (!isSameOriginRequest(request)) return error(403, 'cross-origin requests cannot change progress');
  const body = await parseJsonBody(request, cellRunEventSchema, 4096);
  if (!body.ok) return error(body.status, body.message);
  if (!(await knownLessonIds()).has(body.data.lessonId)) {
    return error(404, `lessonId: no lesson has the id "${body.data.lessonId}"`);
  }
  const cookie = request.cookies.get(anonymousCookieName)?.value;
  const anonId = isAnonymousId(cookie) ? cookie : newAnonymousId();
  await recordCellRun({ anonId, ...body.data });
  const response = NextResponse.json({ ok: true }, { headers: noStore });
  if (anonId !== cookie) {
    response.cookies.set(anonymousCookieName, anonId, anonymousCookieOptions(request.nextUrl.protocol === 'https:'));
  }
  return response;
}
