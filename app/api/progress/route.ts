import { NextResponse, type NextRequest } from 'next/server';
import { handleProgressMutation, jsonError, noStore, readLimited } from '@/app/_lib/http/progress-mutation';
import { requestLearner, withLearnerCookie } from '@/app/_lib/identity/request-learner.server';
import { progressBatchSchema } from '@/app/_lib/progress/events';
import { checkCompletions } from '@/app/_lib/progress/lesson-exercises.server';
import { applyEventsIn, getLessonProgress } from '@/app/_lib/progress/progress.server';
import { lessonIdSchema } from '@/app/_lib/progress/schemas';

/** The learner's progress in one lesson. Also issues the anonymous cookie before the first write,
 *  so writes sent at once (Run all) all belong to one learner. */
export async function GET(request: NextRequest) {
  const lessonId = lessonIdSchema.safeParse(request.nextUrl.searchParams.get('lessonId'));
  if (!lessonId.success) return jsonError(400, `lessonId: ${lessonId.error.issues[0]?.message ?? 'invalid'}`);
  const limited = await readLimited(request);
  if (limited) return limited;
  const learner = await requestLearner(request);
  const progress = await getLessonProgress(learner.key, lessonId.data);
  return withLearnerCookie(NextResponse.json(progress, { headers: noStore }), learner, request);
}

/** Records a batch of progress events (see app/_lib/progress/events.ts); a replayed id counts once. */
export function POST(request: NextRequest) {
  return handleProgressMutation(
    request,
    progressBatchSchema,
    32 * 1024,
    ({ events }) => [...new Set(events.map((event) => event.lessonId))],
    async (tx, key, { events }) => ({ accepted: await applyEventsIn(tx, key, events) }),
    ({ events }) => checkCompletions(events),
  );
}
