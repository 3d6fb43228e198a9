import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { knownLessonIds } from '@/app/_lib/content/lessons.server';
import { parseJsonBody } from '@/app/_lib/http/json-body';
import { isSameOriginRequest } from '@/app/_lib/http/same-origin';
import { serverKernelService } from '@/runtime/server/run-service';
import { issueLearnerCookie, learnerOf } from './learner';
import { busy, jsonError, noStore } from './responses';
import { MAX_RUN_BODY_BYTES, serverRunRequestSchema } from './schemas';

/**
 * Starts a server run for the learner: same-origin only, a valid body, a lesson that exists,
 * then the queue's answer: an NDJSON stream of run events, 429 when full, 503 when the
 * sandbox does not work here. A client that disconnects ends its run.
 */
export async function handleRun(request: NextRequest): Promise<Response> {
  if (!isSameOriginRequest(request)) return jsonError(403, 'cross-origin requests cannot run code on the server kernel');
  const body = await parseJsonBody(request, serverRunRequestSchema, MAX_RUN_BODY_BYTES);
  if (!body.ok) return jsonError(body.status, body.message);
  if (!(await knownLessonIds()).has(body.data.lessonId)) {
    return jsonError(404, `lessonId: no lesson has the id "${body.data.lessonId}"`);
  }
  const learner = learnerOf(request);
  const result = await serverKernelService().start(learner.id, body.data, request.signal);
  let response: NextResponse;
  if (result.kind === 'busy') response = busy(result.message, result.retryAfterSeconds);
  else if (result.kind === 'unavailable') response = jsonError(503, result.message);
  else {
    response = new NextResponse(result.body, {
      headers: { ...noStore, 'Content-Type': 'application/x-ndjson; charset=utf-8', 'X-Accel-Buffering': 'no' },
    });
  }
  issueLearnerCookie(request, response, learner);
  return response;
}
