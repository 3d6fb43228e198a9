/**
 * The client side of a kernel, shared by BrowserKernel and NodeKernel: boots a host,
 * queues runs (one at a time), enforces time limits, restarts. Hosts differ only in
 * how a worker is spawned (`SpawnKernelWorker`).
 */
import { createInterruptBuffer, signalInterrupt } from './interrupt-buffer';
import { KernelEvent, PROTOCOL_VERSION } from './protocol';
import type { KernelErrorInfo, KernelRequest, ResultEvent, RunRequest, StreamName } from './protocol';

export type KernelStatus = 'loading' | 'ready' | 'busy' | 'dead';
export type KernelStatusDetail = { stage?: string; progress?: number };
export type KernelStatusListener = (status: KernelStatus, detail?: KernelStatusDetail) => void;

export type RunOptions = {
  cellId?: string;
  onStream?: (name: StreamName, text: string) => void;
  /** Default 30 s. `Infinity` (or 0) for no limit. */
  timeoutMs?: number;
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
};

/** A running kernel host, as the client drives it. */
export type KernelWorker = { post(request: KernelRequest): void; terminate(): void };
export type KernelWorkerHandlers = { onMessage(data: unknown): void; onExit(reason: string): void };
export type SpawnKernelWorker = (handlers: KernelWorkerHandlers) => KernelWorker;

export type KernelClientOptions = {
  spawn: SpawnKernelWorker;
  pyodideBaseUrl: string;
  /** Throws if this environment cannot host the kernel. */
  assertSupported?: () => void;
  bootTimeoutMs?: number;
};

export const DEFAULT_TIMEOUT_MS = 30_000;
/** How long a timed-out run may take to honour the interrupt before its worker is killed. */
const INTERRUPT_GRACE_MS = 1_000;
const DEFAULT_BOOT_TIMEOUT_MS = 60_000;

type RunPayload = Omit<RunRequest, 'v' | 'type' | 'runId'>;
type QueuedRun = { payload: RunPayload; options: RunOptions; resolve(result: RunResult): void };
type ActiveRun = QueuedRun & { runId?: string; startedAt: number; timedOut: boolean; timers: ReturnType<typeof setTimeout>[] };
type Settle = { resolve(): void; reject(error: Error): void };
type Session = {
  worker: KernelWorker;
  interruptBuffer: Int32Array<SharedArrayBuffer>;
  ready: Promise<void>;
  settleReady: Settle;
  isReady: boolean;
};

const kernelError = (type: string, message: string): KernelErrorInfo => ({ type, message, traceback: '' });

export class KernelClient {
  private currentStatus: KernelStatus = 'dead';
  private readonly listeners = new Set<KernelStatusListener>();
  private session: Session | undefined;
  private readonly queue: QueuedRun[] = [];
  private active: ActiveRun | undefined;
  private disposed = false;

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
    if (this.active?.runId && this.session) signalInterrupt(this.session.interruptBuffer);
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
    return new Promise<RunResult>((resolve) => {
      this.queue.push({ payload, options, resolve });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.active) return;
    const next = this.queue.shift();
    if (!next) return;
    const active: ActiveRun = { ...next, startedAt: 0, timedOut: false, timers: [] };
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
    const timeoutMs = active.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (Number.isFinite(timeoutMs) && timeoutMs > 0) {
      active.timers.push(setTimeout(() => this.onTimeout(active, session), timeoutMs));
    }
    this.setStatus('busy');
    session.worker.post({ v: PROTOCOL_VERSION, type: 'kernel.run', runId: active.runId, ...active.payload });
  }

  private onTimeout(active: ActiveRun, session: Session): void {
    active.timedOut = true;
    signalInterrupt(session.interruptBuffer);
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
    if (active) for (const timer of active.timers) clearTimeout(timer);
    this.active = undefined;
    const now = performance.now();
    for (const run of runs) {
      const durationMs = run === active && active.startedAt ? now - active.startedAt : 0;
      run.resolve({ status: 'interrupted', error: kernelError(type, message), durationMs });
    }
  }

  private spawnSession(): Session {
    this.options.assertSupported?.();
    const interruptBuffer = createInterruptBuffer();
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
      interruptBuffer,
      ready,
      settleReady,
      isReady: false,
    };
    const bootTimer = setTimeout(() => {
      if (this.session === session && !session.isReady) this.onSessionLost('The Python kernel did not start in time.');
    }, this.options.bootTimeoutMs ?? DEFAULT_BOOT_TIMEOUT_MS);
    void ready.then(() => clearTimeout(bootTimer), () => clearTimeout(bootTimer));
    this.setStatus('loading', { stage: 'worker', progress: 0.05 });
    session.worker.post({
      v: PROTOCOL_VERSION,
      type: 'kernel.init',
      pyodideBaseUrl: this.options.pyodideBaseUrl,
      interruptBuffer: interruptBuffer.buffer,
    });
    return session;
  }

  private onEvent(session: Session, data: unknown): void {
    const parsed = KernelEvent.safeParse(data);
    if (!parsed.success) return; // malformed or forged: ignore
    const event = parsed.data;
    switch (event.type) {
      case 'kernel.loading':
        if (!session.isReady) this.setStatus('loading', { stage: event.stage, progress: event.progress });
        return;
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
      case 'kernel.result':
        if (this.active?.runId === event.runId) this.finish(this.active, resultOf(event, this.active.timedOut));
        return;
    }
  }

  private onSessionLost(reason: string): void {
    this.endSession(reason);
    this.setStatus('dead');
    const active = this.active;
    if (active?.runId) this.finish(active, { status: 'error', error: kernelError('KernelDied', reason) });
  }

  /** Kill the worker; whoever still awaits its boot learns why. */
  private endSession(reason: string): void {
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
  const { status, value, error, executionCount, exitCode } = event;
  const result: Omit<RunResult, 'durationMs'> = { status: timedOut ? 'timeout' : status };
  if (value !== undefined) result.value = value;
  if (error !== undefined) result.error = error;
  if (executionCount !== undefined) result.executionCount = executionCount;
  if (exitCode !== undefined) result.exitCode = exitCode;
  return result;
}
