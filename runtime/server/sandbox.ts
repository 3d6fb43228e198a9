/**
 * The server kernel for Node tools (the CLI, the lesson checker, tests) and for the app's run
 * service: check the sandbox once, then run code in a fresh sandboxed CPython per run.
 */
import { runSandboxCheck } from './sandbox-check';
import type { SandboxLimits } from './sandbox-command';
import { startSandboxRun, type RunInSandboxRequest } from './sandbox-launch';
import type { ServerKernelStatus, ServerRunEnd, ServerStreamEvent } from './server-kernel-client';

export type { SandboxLimits } from './sandbox-command';
export { DEFAULT_LIMITS } from './sandbox-command';
export { startSandboxRun, type RunInSandboxRequest, type SandboxHandle } from './sandbox-launch';

/** A failed check is retried after this long (someone may have installed bwrap meanwhile). */
const RECHECK_AFTER_MS = 30_000;
/** Tools run on a slot of their own, apart from the app's (which are 0 .. concurrency-1). */
const TOOL_SLOT = 999;

let checked: { status: Promise<ServerKernelStatus>; at: number } | null = null;

/** Whether sandboxed runs work on this machine (cached; a failure is re-checked after 30 s). */
export function checkSandbox(): Promise<ServerKernelStatus> {
  const stale = checked !== null && Date.now() - checked.at > RECHECK_AFTER_MS;
  if (checked === null || stale) {
    const status = runSandboxCheck();
    checked = { status, at: Date.now() };
    void status.then((result) => {
      if (result.available && checked?.status === status) checked = { status, at: Number.POSITIVE_INFINITY };
    });
  }
  return checked.status;
}

/**
 * Runs code (after the setup cells) in a fresh sandbox. Aborting `signal` interrupts the run
 * (SIGINT, then a kill). Resolves `unavailable` when the sandbox does not work here.
 */
export async function runInSandbox(
  request: RunInSandboxRequest,
  onEvent: (event: ServerStreamEvent) => void,
  signal?: AbortSignal,
  limits?: Partial<SandboxLimits>,
): Promise<ServerRunEnd> {
  const startedAt = Date.now();
  const status = await checkSandbox();
  const unavailable = (message: string): ServerRunEnd => ({ reason: 'unavailable', exitCode: null, elapsedMs: Date.now() - startedAt, message });
  if (!status.available) return unavailable(status.reason);
  const run = startSandboxRun(request, onEvent, { slot: TOOL_SLOT, ...(limits && { limits }) });
  if (run === null) return unavailable('bubblewrap (bwrap) disappeared since the sandbox check.');
  if (signal?.aborted) run.interrupt();
  signal?.addEventListener('abort', () => run.interrupt(), { once: true });
  return run.done;
}
