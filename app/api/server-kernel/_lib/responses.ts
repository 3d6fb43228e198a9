import { NextResponse } from 'next/server';

/** `no-transform`: the compression layer must not hold back a stream of run events. */
export const noStore = { 'Cache-Control': 'no-store, no-transform' };

export function jsonError(status: number, message: string, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json({ error: message }, { status, headers: { ...noStore, ...headers } });
}

/** 429 with Retry-After: the queue is full, or this learner already has runs going. */
export function busy(message: string, retryAfterSeconds: number): NextResponse {
  return NextResponse.json(
    { error: message, retryAfterSeconds },
    { status: 429, headers: { ...noStore, 'Retry-After': String(retryAfterSeconds) } },
  );
}
