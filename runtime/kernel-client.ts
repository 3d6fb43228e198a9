/**
 * The client side of a kernel, shared by BrowserKernel and NodeKernel: boots a host,
 * queues runs (one at a time), enforces time limits, restarts. Hosts differ only in
 * how a worker is spawned and reached (`SpawnKernelWorker`).
 */
import * as z from 'zod/mini';
import { InspectOptions, KernelEvent, PROTOCOL_VERSION } from './protocol';
import type { KernelErrorInfo, ResultEvent, RunRequest } from './protocol';
import type {
  KernelClientOptions,
  KernelStatus,
  KernelStatusDetail,
  KernelStatusListener,
  KernelWorker,
  RunOptions,
  RunResult,
} from './kernel-api';
import { kernelRecycled, truncationFinal, truncationStarted } from './kernel-notices';
import { RunDeadline } from './run-deadline';
import { CompletionRequests, type Completions } from './completion-requests';

export type * from './kernel-api';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_RECYCLE_HEAP_BYTES = 1024 ** 3;
/** How long a timed-out run may take to honour the interrupt before its worker is killed. */
const INTERRUPT_GRACE_MS = 1_000;
const DEFAULT_BOOT_TIMEOUT_MS = 60_000;

type RunPayload = Omit<RunRequest, 'v' | 'type' | 'runId'>;
type QueuedRun = { payload: RunPayload; options: RunOptions; resolve(result: RunResult): void };
type ActiveRun = QueuedRun & {
  runId?: string;
  startedAt: number;
  timedOut: boolean;
  deadline?: RunDeadline;
  awaitingInput: boolean;
  timers: ReturnType<typeof setTimeout>[];
};
type Settle = { resolve(): void; reject(error: Error): void };
type Session = {
  worker: KernelWorker;
  ready: Promise<void>;
  settleReady: Settle;
  isReady: boolean;
  download?: { loadedBytes: number; totalBytes: number };
};

const kernelError = (type: string, message: string): KernelErrorInfo => ({ type, message, traceback: '' });

export class KernelClient {
  private currentStatus: KernelStatus = 'dead';
  private readonly listeners = new Set<KernelStatusListener>();
  private session: Session | undefined;
  private readonly queue: QueuedRun[] = [];
  private active: ActiveRun | undefined;
  private disposed = false;
  private readonly completions = new CompletionRequests();

  constructor(private readonly options: KernelClientOptions) {}

  get status(): KernelStatus {
    return this.currentStatus;
  }

  onStatus(listener: KernelStatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Boot the kernel if it is not running. Idempotent. */
  start(): Promise<void> {
    if (this.disposed) return Promise.reject(new Error('This kernel was disposed.'));
    try {
      this.session ??= this.spawnSession();
    } catch (error) {
      this.setStatus('dead');
      return Promise.reject(error);
    }
    return this.session.ready;
  }

  run(code: string, options: RunOptions = {}): Promise<RunResult> {
    return this.enqueue({ mode: 'cell', code, cellId: options.cellId }, options);
  }

  /** Raise KeyboardInterrupt in the running code, if any. */
  interrupt(): void {
    if (this.active?.runId && this.session) this.session.worker.interrupt();
  }

  /**
   * Answer the running code's `input()` with a line (no newline needed), or with end of
   * file (`null`: EOFError). Returns false if no run waits for input.
   */
  provideInput(text: string | null): boolean {
    const active = this.active;
    if (!active?.awaitingInput || !this.session) return false;
    active.awaitingInput = false;
    active.deadline?.resume();
    this.session.worker.provideInput(text);
    return true;
  }

  /** Names completing the one that ends at `cursor`; null while a run is going or the kernel is down. */
  complete(code: string, cursor: number): Promise<Completions | null> {
    const session = this.session;
    if (!session?.isReady || this.active || this.queue.length > 0) return Promise.resolve(null);
    return this.completions.request((requestId) =>
      session.worker.post({ v: PROTOCOL_VERSION, type: 'kernel.complete', requestId, code, cursor }),
    );
  }

  /** Kill the kernel (ending the current and queued runs as interrupted) and boot a fresh one. */
  restart(): Promise<void> {
    this.abandonRuns('KernelRestarted', 'The kernel was restarted.');
    this.endSession('The kernel was restarted before it was ready.');
    return this.start();
  }

  dispose(): void {
    this.disposed = true;
    this.abandonRuns('KernelDisposed', 'The kernel was shut down.');
    this.endSession('The kernel was shut down before it was ready.');
    this.setStatus('dead');
    this.listeners.clear();
  }

  protected enqueue(payload: RunPayload, options: RunOptions): Promise<RunResult> {
    if (options.inspect !== undefined) {
      // The kernel would ignore a request it cannot parse: refuse bad options here, by name.
      const parsed = InspectOptions.safeParse(options.inspect);
      if (!parsed.success) return Promise.reject(new TypeError(`Invalid run option "inspect":\n${z.prettifyError(parsed.error)}`));
      payload = { ...payload, inspect: parsed.data };
    }
    return new Promise<RunResult>((resolve) => {
      this.queue.push({ payload: { ...payload, outputLimits: options.outputLimits }, options, resolve });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.active) return;
    const next = this.queue.shift();
    if (!next) return;
    const active: ActiveRun = { ...next, startedAt: 0, timedOut: false, awaitingInput: false, timers: [] };
    this.active = active;
    try {
      await this.start();
    } catch (error) {
      if (this.active !== active) return; // abandoned while the kernel booted
      const message = error instanceof Error ? error.message : String(error);
      this.finish(active, { status: 'error', error: kernelError('KernelUnavailable', message) });
      return;
    }
    const session = this.session;
    if (this.active !== active || !session) return; // abandoned while the kernel booted
    active.runId = crypto.randomUUID();
    active.startedAt = performance.now();
    active.deadline = new RunDeadline(active.options.timeoutMs ?? DEFAULT_TIMEOUT_MS, () => this.onTimeout(active, session));
    this.setStatus('busy');
    session.worker.post({ v: PROTOCOL_VERSION, type: 'kernel.run', runId: active.runId, ...active.payload });
  }

  private onTimeout(active: ActiveRun, session: Session): void {
    active.timedOut = true;
    session.worker.interrupt();
    active.timers.push(
      setTimeout(() => {
        if (this.active !== active) return;
        // Still running: a C-level loop that never checks for interrupts.
        this.endSession('The kernel was replaced after a time limit.');
        const seconds = ((active.options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000).toFixed(1);
        const message = `The run exceeded its ${seconds} s time limit and ignored the interrupt; the kernel was restarted.`;
        this.finish(active, { status: 'timeout', error: kernelError('TimeoutError', message) });
        void this.start().catch(() => undefined);
      }, INTERRUPT_GRACE_MS),
    );
  }

  private finish(active: ActiveRun, result: Omit<RunResult, 'durationMs'>): void {
    active.deadline?.cancel();
    for (const timer of active.timers) clearTimeout(timer);
    this.active = undefined;
    const durationMs = active.startedAt ? performance.now() - active.startedAt : 0;
    active.resolve({ ...result, durationMs });
    if (this.session?.isReady) this.setStatus('ready');
    void this.pump();
  }

  private abandonRuns(type: string, message: string): void {
    const runs = [...(this.active ? [this.active] : []), ...this.queue.splice(0)];
    const active = this.active;
    active?.deadline?.cancel();
    if (active) for (const timer of active.timers) clearTimeout(timer);
    this.active = undefined;
    const now = performance.now();
    for (const run of runs) {
      const durationMs = run === active && active.startedAt ? now - active.startedAt : 0;
      run.resolve({ status: 'interrupted', error: kernelError(type, message), durationMs });
    }
  }

  private spawnSession(reason?: string): Session {
    this.options.assertSupported?.();
    let settleReady: Settle = { resolve: () => undefined, reject: () => undefined };
    const ready = new Promise<void>((resolve, reject) => (settleReady = { resolve, reject }));
    ready.catch(() => undefined); // a failed boot is reported to whoever awaits start()
    const session: Session = {
      worker: this.options.spawn({
        onMessage: (data) => {
          if (this.session === session) this.onEvent(session, data);
        },
        onExit: (reason) => {
          if (this.session === session) this.onSessionLost(reason);
        },
      }),
      ready,
      settleReady,
      isReady: false,
    };
    const bootTimer = setTimeout(() => {
      if (this.session === session && !session.isReady) this.onSessionLost('The Python kernel did not start in time.');
    }, this.options.bootTimeoutMs ?? DEFAULT_BOOT_TIMEOUT_MS);
    void ready.then(() => clearTimeout(bootTimer), () => clearTimeout(bootTimer));
    this.setStatus('loading', { stage: 'worker', progress: 0.05, ...(reason !== undefined && { reason }) });
    return session;
  }

  private onEvent(session: Session, data: unknown): void {
    const parsed = KernelEvent.safeParse(data);
    if (!parsed.success) return; // malformed or forged: ignore
    const event = parsed.data;
    switch (event.type) {
      case 'kernel.loading': {
        if (session.isReady) return;
        // Later stages keep the download's figures, so a progress bar does not jump back.
        if (event.loadedBytes !== undefined && event.totalBytes !== undefined) {
          session.download = { loadedBytes: event.loadedBytes, totalBytes: event.totalBytes };
        }
        this.setStatus('loading', { stage: event.stage, progress: event.progress, ...session.download });
        return;
      }
      case 'kernel.ready':
        if (session.isReady) return;
        session.isReady = true;
        this.setStatus(this.active?.runId ? 'busy' : 'ready');
        session.settleReady.resolve();
        return;
      case 'kernel.failed':
        this.onSessionLost(event.message);
        return;
      case 'kernel.stream':
        if (this.active?.runId === event.runId) this.active.options.onStream?.(event.name, event.text);
        return;
      case 'kernel.stdin_request':
        if (this.active?.runId === event.runId) this.onInputRequest(this.active, session, event.prompt);
        return;
      case 'kernel.output_truncated':
        if (this.active?.runId === event.runId) this.active.options.onNotice?.(truncationStarted(event.limits));
        return;
      case 'kernel.result':
        if (this.active?.runId === event.runId) this.onResult(this.active, event);
        return;
      case 'kernel.completions':
        this.completions.answer(event);
        return;
    }
  }

  private onInputRequest(active: ActiveRun, session: Session, prompt: string): void {
    const onInputRequest = active.options.onInputRequest;
    if (!onInputRequest) {
      session.worker.provideInput(null); // as `python < /dev/null`
      return;
    }
    active.awaitingInput = true;
    active.deadline?.pause(); // the learner's typing time is not the program's
    onInputRequest(prompt);
  }

  private onResult(active: ActiveRun, event: ResultEvent): void {
    if (event.droppedOutput) active.options.onNotice?.(truncationFinal(event.droppedOutput));
    const heapBytes = event.heapBytes ?? 0;
    if (heapBytes > (this.options.recycleHeapBytes ?? DEFAULT_RECYCLE_HEAP_BYTES)) {
      // WebAssembly memory never shrinks: replace the kernel now, while the learner reads the output.
      const notice = kernelRecycled(heapBytes);
      active.options.onNotice?.(notice);
      this.endSession('The kernel was recycled.');
      try {
        this.session = this.spawnSession(notice.message);
      } catch {
        this.setStatus('dead'); // the next run reports why
      }
    }
    const result = resultOf(event, active.timedOut);
    if (!event.inspection) {
      this.finish(active, result);
      return;
    }
    // Parsing a trace is loaded on first use: pages that never inspect a run never pay for it.
    const raw = event.inspection;
    void import('./trace/read-inspection').then(
      ({ readInspection }) => ({ ...result, inspection: readInspection(raw) }),
      (error: unknown) => ({ ...result, inspection: { error: `The inspection could not be read: ${String(error)}` } }),
    ).then((inspected) => {
      if (this.active === active) this.finish(active, inspected); // else abandoned meanwhile (restart)
    });
  }

  private onSessionLost(reason: string): void {
    this.endSession(reason);
    this.setStatus('dead');
    const active = this.active;
    if (active?.runId) this.finish(active, { status: 'error', error: kernelError('KernelDied', reason) });
  }

  /** Kill the worker; whoever still awaits its boot learns why. */
  private endSession(reason: string): void {
    this.completions.abandonAll();
    this.session?.worker.terminate();
    this.session?.settleReady.reject(new Error(reason));
    this.session = undefined;
  }

  private setStatus(status: KernelStatus, detail?: KernelStatusDetail): void {
    this.currentStatus = status;
    for (const listener of this.listeners) listener(status, detail);
  }
}

function resultOf(event: ResultEvent, timedOut: boolean): Omit<RunResult, 'durationMs'> {
  const { status, value, error, executionCount, exitCode, droppedOutput } = event;
  const result: Omit<RunResult, 'durationMs'> = { status: timedOut ? 'timeout' : status };
  if (value !== undefined) result.value = value;
  if (error !== undefined) result.error = error;
  if (executionCount !== undefined) result.executionCount = executionCount;
  if (exitCode !== undefined) result.exitCode = exitCode;
  if (droppedOutput !== undefined) result.droppedOutput = droppedOutput;
  return result;
}
