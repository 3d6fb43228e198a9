import { NextResponse, type NextRequest } from 'next/server';
import { parseJsonBody } from '@/app/_lib/http/json-body';
import { isSameOriginRequest } from '@/app/_lib/http/same-origin';
import { serverKernelService } from '@/runtime/server/run-service';
import { learnerOf } from '../_lib/learner';
import { jsonError, noStore } from '../_lib/responses';
import { interruptRequestSchema } from '../_lib/schemas';

export const dynamic = 'force-dynamic';

/** Interrupts one of the learner's runs: SIGINT (KeyboardInterrupt), then a kill if it lingers. */
export async function POST(request: NextRequest) {
  if (!isSameOriginRequest(request)) return jsonError(403, 'cross-origin requests cannot interrupt runs');
  const body = await parseJsonBody(request, interruptRequestSchema, 1024);
  if (!body.ok) return jsonError(body.status, body.message);
  if (!serverKernelService().interrupt(learnerOf(request).id, body.data.runId)) {
    return jsonError(404, `runId: no run of yours with the id "${body.data.runId}" is going`);
  }
  return NextResponse.json({ ok: true }, { headers: noStore });
}
