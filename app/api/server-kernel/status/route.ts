import { NextResponse } from 'next/server';
import { SERVER_PROTOCOL_VERSION } from '@/runtime/server/protocol';
import { serverKernelService } from '@/runtime/server/run-service';
import { noStore } from '../_lib/responses';

export const dynamic = 'force-dynamic';

/** Whether server cells can run here, and if not why and how to enable them. */
export async function GET() {
  const status = await serverKernelService().status();
  const body = status.available ? { v: SERVER_PROTOCOL_VERSION, available: true } : { v: SERVER_PROTOCOL_VERSION, available: false, reason: status.reason };
  return NextResponse.json(body, { headers: noStore });
}
