import { NextResponse, type NextRequest } from 'next/server';
import { handleProgressMutation, jsonError, noStore } from '@/app/_lib/http/progress-mutation';
import { anonymousCookieName, isAnonymousId } from '@/app/_lib/identity/anonymous-id';
import { getLessonProgress, recordCellRun } from '@/app/_lib/progress/progress.server';
import { emptyLessonProgress } from '@/app/_lib/progress/rules';
import { cellRunEventSchema, lessonIdSchema } from '@/app/_lib/progress/schemas';

export async function GET(request: NextRequest) {
  const lessonId = lessonIdSchema.safeParse(request.nextUrl.searchParams.get('lessonId'));
  if (!lessonId.success) return jsonError(400, `lessonId: ${lessonId.error.issues[0]?.message ?? 'invalid'}`);
  const anonId = request.cookies.get(anonymousCookieName)?.value;
  const progress = isAnonymousId(anonId) ? await getLessonProgress(anonId, lessonId.data) : emptyLessonProgress();
  return NextResponse.json(progress, { headers: noStore });
}

/** Records one finished run of a cell. */
export function POST(request: NextRequest) {
  return handleProgressMutation(request, cellRunEventSchema, 4096, (anonId, run) => recordCellRun({ anonId, ...run }));
}
