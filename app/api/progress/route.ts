import { NextResponse, type NextRequest } from 'next/server';
import { handleProgressMutation, jsonError, noStore } from '@/app/_lib/http/progress-mutation';
import {
  anonymousCookieName,
  anonymousCookieOptions,
  isAnonymousId,
  newAnonymousId,
} from '@/app/_lib/identity/anonymous-id';
import { getLessonProgress, recordCellRun } from '@/app/_lib/progress/progress.server';
import { emptyLessonProgress } from '@/app/_lib/progress/rules';
import { cellRunEventSchema, lessonIdSchema } from '@/app/_lib/progress/schemas';

export async function GET(request: NextRequest) {
  const lessonId = lessonIdSchema.safeParse(request.nextUrl.searchParams.get('lessonId'));
  if (!lessonId.success) return jsonError(400, `lessonId: ${lessonId.error.issues[0]?.message ?? 'invalid'}`);
  const anonId = request.cookies.get(anonymousCookieName)?.value;
  if (isAnonymousId(anonId)) return NextResponse.json(await getLessonProgress(anonId, lessonId.data), { headers: noStore });
  // Issue the learner's cookie before their first write, so writes sent at once (Run all)
  // all belong to one learner.
  const response = NextResponse.json(emptyLessonProgress(), { headers: noStore });
  response.cookies.set(anonymousCookieName, newAnonymousId(), anonymousCookieOptions(request.nextUrl.protocol === 'https:'));
  return response;
}

/** Records one finished run of a cell. */
export function POST(request: NextRequest) {
  return handleProgressMutation(request, cellRunEventSchema, 4096, (anonId, run) => recordCellRun({ anonId, ...run }));
}
