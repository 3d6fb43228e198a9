/**
 * The kernel's client API, as the app and the hosts see it: run options and results,
 * statuses, and the transport a host provides (KernelWorker). KernelClient implements it.
 */
import type { ClientRequest, InspectOptions, KernelErrorInfo, OutputLimits, StreamName } from './protocol';
import type { KernelNotice } from './kernel-notices';
import type { Inspection } from './trace/read-inspection';

export type { KernelNotice } from './kernel-notices';
export type { InspectOptions, OutputLimits } from './protocol';
export type { Inspection } from './trace/read-inspection';

export type KernelStatus = 'loading' | 'ready' | 'busy' | 'dead';
/** `reason`: why a fresh kernel is loading when nobody asked for one (say, it was recycled). */
/** `loadedBytes`/`totalBytes`: Pyodide's files downloading (the progress a learner can read). */
export type KernelStatusDetail = { stage?: string; progress?: number; reason?: string; loadedBytes?: number; totalBytes?: number };
export type KernelStatusListener = (status: KernelStatus, detail?: KernelStatusDetail) => void;

export type RunOptions = {
  cellId?: string;
  onStream?: (name: StreamName, text: string) => void;
  /** Default 30 s. `Infinity` (or 0) for no limit. Time spent waiting for input does not count. */
  timeoutMs?: number;
  /**
   * The run waits in `input()` (or pdb): answer with `kernel.provideInput(line)`. The prompt
   * also arrives through onStream. Without this handler, reads get end of file (EOFError).
   */
  onInputRequest?: (prompt: string) => void;
  /** Output truncated, kernel recycled: things to show the learner beside the output. */
  onNotice?: (notice: KernelNotice) => void;
  /** Default: 1 MB or 10,000 lines of stream text per run (DEFAULT_OUTPUT_LIMITS); `null`: no limit. */
  outputLimits?: OutputLimits | null;
  /**
   * Also trace the run's event loop (`trace`, with loop steps if `trace.steps`) and/or describe
   * the bytecode of the functions it defines (`bytecode`): see `RunResult.inspection`. The
   * run's output, value and execution count are what an uninspected run gives.
   */
  inspect?: InspectOptions;
};

export type RunResult = {
  status: 'ok' | 'error' | 'interrupted' | 'timeout';
  value?: string;
  error?: KernelErrorInfo;
  durationMs: number;
  /** N of the `<cell-N>` the run was compiled as (cells only). */
  executionCount?: number;
  /** What `python FILE` would exit with (scripts only). */
  exitCode?: number;
  /** Stream text printed past the run's output limits, and so not shown. */
  droppedOutput?: { bytes: number; lines: number };
  /** What `inspect` asked for; `error` says (for a learner) why a part is missing. */
  inspection?: Inspection;
};

/** What the client sends a worker; init, assets and connect are the transport's, which owns the shared memory. */
export type { ClientRequest } from './protocol';

/**
 * A kernel host, as the client drives it. The transport boots it as it spawns it, and
 * owns its shared memory: interrupting and answering `input()` are the transport's job
 * (a direct buffer write under Node, a message to the kernel frame in browsers).
 */
export type KernelWorker = {
  post(request: ClientRequest): void;
  interrupt(): void;
  /** Answer a waiting `input()` through the stdin channel (`null`: end of file). */
  provideInput(text: string | null): void;
  terminate(): void;
};
export type KernelWorkerHandlers = { onMessage(data: unknown): void; onExit(reason: string): void };
/** Start a worker and boot the kernel in it (the transport sends `kernel.init`). */
export type SpawnKernelWorker = (handlers: KernelWorkerHandlers) => KernelWorker;

export type KernelClientOptions = {
  spawn: SpawnKernelWorker;
  /** Throws if this environment cannot host the kernel. */
  assertSupported?: () => void;
  bootTimeoutMs?: number;
  /** Replace the kernel after a run leaves its WebAssembly heap larger than this. Default 1 GiB. */
  recycleHeapBytes?: number;
};
