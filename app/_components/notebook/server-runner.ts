/**
 * Runs a `kernel="server"` cell through the server kernel (C2): asks whether it can run,
 * passes the lesson's setup cells, streams output into the cell, and says why the run ended.
 */
import type { CellRunReport, CellSnapshot, RunEvents } from './notebook-store';
import { serverEndState, type ServerAvailability, type ServerEnd, type ServerEndReason } from './server-cells';

/** The shape of C2's `ServerKernelClient`, as the notebook uses it. */
export type ServerKernel = {
  status(): Promise<{ available: true } | { available: false; reason: string }>;
  run(
    request: { lessonId: string; cellId: string; code: string; setup: string[] },
    onEvent: (event: { type: 'stream'; name: 'stdout' | 'stderr'; text: string }) => void,
  ): {
    done: Promise<{ reason: ServerEndReason; exitCode: number | null; elapsedMs: number; message?: string; retryAfterSeconds?: number }>;
    interrupt(): void;
  };
};

export type ServerRunnerOptions = {
  lessonId: string;
  kernel(): ServerKernel;
  /** The current code of the setup cells this cell runs after. */
  setup(cellId: string): string[];
  availability(availability: ServerAvailability): void;
  /** The run in progress (to interrupt it), or null when it ended. */
  active(interrupt: (() => void) | null): void;
};

/** Asks the server kernel whether it can run, in the store's terms. */
export async function serverAvailability(kernel: ServerKernel): Promise<ServerAvailability> {
  const status = await kernel.status().catch((error: unknown) => ({ available: false as const, reason: String(error) }));
  return status.available ? { state: 'available' } : { state: 'unavailable', reason: status.reason };
}

export function serverRunCell(options: ServerRunnerOptions) {
  return async ({ id: cellId, code }: CellSnapshot, events: RunEvents): Promise<CellRunReport> => {
    const availability = await serverAvailability(options.kernel());
    options.availability(availability);
    if (availability.state !== 'available') {
      const reason = availability.state === 'unavailable' ? availability.reason : 'unknown';
      const serverEnd: ServerEnd = { reason: 'unavailable', message: reason };
      return { status: 'error', durationMs: 0, chunks: [], serverEnd };
    }
    const run = options.kernel().run({ lessonId: options.lessonId, cellId, code, setup: options.setup(cellId) }, (event) =>
      events.output({ kind: event.name, text: event.text }),
    );
    options.active(() => run.interrupt());
    try {
      const end = await run.done;
      if (end.reason === 'unavailable') options.availability({ state: 'unavailable', reason: end.message ?? 'the server said so' });
      const serverEnd: ServerEnd = { reason: end.reason };
      if (end.message !== undefined) serverEnd.message = end.message;
      if (end.retryAfterSeconds !== undefined) serverEnd.retryAfterSeconds = end.retryAfterSeconds;
      return { status: serverEndState(end.reason), durationMs: end.elapsedMs, chunks: [], serverEnd };
    } finally {
      options.active(null);
    }
  };
}
