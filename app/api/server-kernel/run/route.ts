import type { NextRequest } from 'next/server';
import { handleRun } from '../_lib/run-handler';

export const dynamic = 'force-dynamic';

/** Runs a server cell (after the lesson's setup cells) and streams its events as NDJSON. */
export function POST(request: NextRequest) {
  return handleRun(request);
}
