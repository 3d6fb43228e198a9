/**
 * How the notebook sees the server kernel (C2), apart from its client: whether it can run,
 * and why a server run ended.
 */

import type { ServerRunEndReason } from '@/runtime/server/server-kernel-client';

export type ServerEndReason = ServerRunEndReason;

export type ServerEnd = { reason: ServerEndReason; retryAfterSeconds?: number; message?: string };

export type ServerAvailability = { state: 'unknown' } | { state: 'available' } | { state: 'unavailable'; reason: string };

export type ServerFinishedState = 'ok' | 'error' | 'interrupted' | 'timeout';

/** The cell state a server run ends in. */
export function serverEndState(reason: ServerEndReason): ServerFinishedState {
  switch (reason) {
    case 'finished':
      return 'ok';
    case 'interrupted':
      return 'interrupted';
    case 'time_limit':
      return 'timeout';
    default:
      return 'error';
  }
}
