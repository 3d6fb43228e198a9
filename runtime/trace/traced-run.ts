/**
 * Run code with the event loop traced, on any kernel client (NodeKernel, BrowserKernel):
 * one run turns tracing on, `body` runs the learner's code, one run writes the trace to
 * stdout, which is collected here and parsed.
 */
import type { RunOptions, RunResult } from '../kernel-api';
import { parseTraceJson } from './read-trace';
import type { Trace } from './trace-schema';

/** What runTraced needs of a kernel client. */
export type TracingKernel = { run(code: string, options?: RunOptions): Promise<RunResult> };

export type TraceOptions = {
  /** Events kept; later ones are counted as dropped. Default 200,000. */
  maxEvents?: number;
  /** A slice at least this long is `blocking`. Default 0.1 (asyncio's slow_callback_duration). */
  slowSeconds?: number;
  /** Record loop steps (`step` events): the ready queue, timers and tasks at each iteration. Default false. */
  steps?: boolean;
  /** Steps recorded at most (the first iterations). Default 300. */
  maxSteps?: number;
};

/** Used once per run: these cells bind no name in the learner's namespace. */
const TRACING_MODULE = "__import__('awaitable_kernel.tracing', fromlist=['tracing'])";

export class TracingError extends Error {
  override name = 'TracingError';
  /** The traced code's own result, when it ran but its trace could not be read. */
  constructor(
    message: string,
    readonly result?: RunResult,
  ) {
    super(message);
  }
}

export async function runTraced(
  kernel: TracingKernel,
  body: () => Promise<RunResult>,
  options: TraceOptions = {},
): Promise<{ result: RunResult; trace: Trace }> {
  const maxEvents = options.maxEvents ?? 200_000;
  const slowSeconds = options.slowSeconds ?? 0.1;
  if (!Number.isInteger(maxEvents) || maxEvents < 1) throw new TracingError(`maxEvents must be a positive integer, not ${maxEvents}`);
  if (!Number.isFinite(slowSeconds) || slowSeconds < 0) throw new TracingError(`slowSeconds must be a non-negative number, not ${slowSeconds}`);
  const maxSteps = options.maxSteps ?? 300;
  if (!Number.isInteger(maxSteps) || maxSteps < 0) throw new TracingError(`maxSteps must be a non-negative integer, not ${maxSteps}`);
  const steps = options.steps ? 'True' : 'False';
  const start = `start(max_events=${maxEvents}, slow_seconds=${slowSeconds}, steps=${steps}, max_steps=${maxSteps})`;
  const started = await kernel.run(`${TRACING_MODULE}.${start}`, {
    timeoutMs: 30_000,
  });
  if (started.status !== 'ok') throw new TracingError(`tracing could not start: ${started.error?.message ?? started.status}`);
  // A kernel client resolves every run (errors included), so tracing is always stopped below.
  const result = await body();
  const chunks: string[] = [];
  const dumped = await kernel.run(`${TRACING_MODULE}.dump()`, {
    timeoutMs: 120_000,
    outputLimits: null,
    onStream: (name, text) => {
      if (name === 'stdout') chunks.push(text);
    },
  });
  if (dumped.status !== 'ok') {
    throw new TracingError(`the trace could not be read: ${dumped.error?.message ?? dumped.status}`, result);
  }
  try {
    return { result, trace: parseTraceJson(chunks.join(''), "the kernel's trace") };
  } catch (error) {
    throw new TracingError(error instanceof Error ? error.message : String(error), result);
  }
}
