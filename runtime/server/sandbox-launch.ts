/** Starting one sandboxed run on a slot, whatever the outcome of spawn(). */
import { DEFAULT_LIMITS, findBwrap, slotUid, type SandboxLimits } from './sandbox-command';
import { SandboxRun } from './sandbox-run';
import type { ServerRunEnd, ServerStreamEvent } from './server-kernel-client';

export type RunInSandboxRequest = { code: string; setup: string[]; timeoutSeconds?: number; filename?: string };

/** A started run: its end, and the two ways to stop it early. */
export type SandboxHandle = { done: Promise<ServerRunEnd>; interrupt(): void; kill(): void };

/**
 * Starts a run after the check passed (the caller checked). `slot` picks the host uid when the
 * host is root. Returns null when bwrap vanished since the check.
 */
export function startSandboxRun(
  request: RunInSandboxRequest,
  onEvent: (event: ServerStreamEvent) => void,
  options: { slot: number; limits?: Partial<SandboxLimits> },
): SandboxHandle | null {
  const bwrap = findBwrap();
  if (bwrap === null) return null;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (request.timeoutSeconds !== undefined) {
    limits.wallSeconds = request.timeoutSeconds;
    limits.cpuSeconds = Math.min(limits.cpuSeconds, request.timeoutSeconds);
  }
  const uid = slotUid(options.slot);
  let run: SandboxRun;
  try {
    run = new SandboxRun({
      bwrap,
      limits,
      code: request.code,
      setup: request.setup,
      onEvent,
      ...(request.filename !== undefined && { filename: request.filename }),
      ...(uid !== undefined && { uid }),
    });
  } catch (error) {
    // spawn() throws for arguments it refuses (e.g. a uid it cannot take): no sandbox, no run.
    const message = `The sandbox could not start: ${error instanceof Error ? error.message : String(error)}`;
    const done = Promise.resolve<ServerRunEnd>({ reason: 'unavailable', exitCode: null, elapsedMs: 0, message });
    return { done, interrupt: () => undefined, kill: () => undefined };
  }
  return { done: run.done, interrupt: () => run.interrupt(), kill: () => run.kill('interrupted') };
}
