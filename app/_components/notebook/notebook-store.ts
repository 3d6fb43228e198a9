/**
 * The state of a lesson's notebook: its cells in page order, what each is doing, exercise
 * checks, and the queue of runs. No React and no kernel inside: the store is given a `runCell`
 * (and a `runCheck`) function, so its rules (one run at a time, queue order, stop the queue
 * after a failure, checks queue like cells) are unit-testable.
 */
import { checkOutcome, checkProgram, type CheckSnapshot, type RunError, type RunOutcome } from './exercise-check';
import type { ServerAvailability, ServerEnd } from './server-cells';
import type { Inspection } from '@/runtime/kernel-api';

export type { CheckSnapshot, CheckState } from './exercise-check';
export type { ServerAvailability, ServerEnd } from './server-cells';

export type CellState = 'idle' | 'queued' | 'running' | 'ok' | 'error' | 'interrupted' | 'timeout';
export type FinishedState = Extract<CellState, 'ok' | 'error' | 'interrupted' | 'timeout'>;
export type OutputChunk = { kind: 'stdout' | 'stderr' | 'result' | 'error' | 'notice'; text: string };
/** Where a cell runs: the lesson's kernel in the page, or the sandboxed CPython on the server. */
export type CellKernel = 'browser' | 'server';
/** What a traced run recorded (the event loop's trace, the cell's bytecode), or why it could not. */
export type { Inspection } from '@/runtime/kernel-api';

export type CellSnapshot = {
  id: string;
  /** How long a run may take before it is stopped (the author's choice, or the default). */
  timeoutMs: number;
  originalCode: string;
  code: string;
  kernel: CellKernel;
  /** A server cell whose code runs before every other server cell of the lesson. */
  setup: boolean;
  /** The cell is meant to raise: its error does not stop "Run all". */
  expectError: boolean;
  state: CellState;
  executionCount: number | null;
  outputs: OutputChunk[];
  elapsedMs: number | null;
  /** The prompt of an `input()` the running cell is waiting on, or null. */
  inputPrompt: string | null;
  /** Why the last server run ended (server cells only). */
  serverEnd: ServerEnd | null;
  /** The learner's Trace toggle: runs record the event loop (browser cells only; absent: off). */
  trace?: boolean;
  /** What the last traced run recorded; null (or absent) after an untraced run. */
  inspection?: Inspection | null;
};

export type CellRunReport = {
  status: FinishedState;
  executionCount?: number;
  durationMs: number;
  chunks: OutputChunk[];
  error?: RunError;
  serverEnd?: ServerEnd;
  inspection?: Inspection;
};

export type RunEvents = { output(chunk: OutputChunk): void; inputRequest(prompt: string): void };
export type RunCell = (cell: CellSnapshot, events: RunEvents) => Promise<CellRunReport>;
/** Runs an exercise's check program in the lesson kernel; its output is not shown. */
export type RunCheck = (request: { exerciseId: string; code: string; timeoutMs: number }) => Promise<RunOutcome>;

export type RegisterOptions = {
  code?: string;
  timeoutMs?: number;
  kernel?: CellKernel;
  setup?: boolean;
  expectError?: boolean;
  /** The Trace toggle starts on (the lesson's `trace` fence meta). */
  trace?: boolean;
};

export type StoreHooks = {
  onFinished?(cellId: string, status: FinishedState): void;
  runCheck?: RunCheck;
  onChecked?(exerciseId: string, check: CheckSnapshot): void;
};

export const DEFAULT_CELL_TIMEOUT_MS = 30_000;

/** Stream text kept per cell in the page; the kernel caps its own output too. */
export const MAX_OUTPUT_CHARS = 200_000;

type Job = { kind: 'cell'; id: string } | { kind: 'check'; id: string; check: string };
type Listener = () => void;

export class NotebookStore {
  private cells: CellSnapshot[] = [];
  private checks: Record<string, CheckSnapshot> = {};
  private server: ServerAvailability = { state: 'unknown' };
  private readonly listeners = new Set<Listener>();
  private queue: Job[] = [];
  private running: string | null = null;

  constructor(
    private readonly runCell: RunCell,
    private readonly hooks: StoreHooks = {},
  ) {}

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getCells = (): CellSnapshot[] => this.cells;
  getServerAvailability = (): ServerAvailability => this.server;

  cell(id: string): CellSnapshot | undefined {
    return this.cells.find((cell) => cell.id === id);
  }

  checkOf(exerciseId: string): CheckSnapshot | undefined {
    return this.checks[exerciseId];
  }

  /** Cells register in page order; registering again (a re-mount) keeps their state. */
  register(id: string, originalCode: string, options: RegisterOptions = {}): void {
    if (this.cell(id)) return;
    const cell: CellSnapshot = {
      id,
      timeoutMs: options.timeoutMs ?? DEFAULT_CELL_TIMEOUT_MS,
      originalCode,
      code: options.code ?? originalCode,
      kernel: options.kernel ?? 'browser',
      setup: options.setup ?? false,
      expectError: options.expectError ?? false,
      state: 'idle',
      executionCount: null,
      outputs: [],
      elapsedMs: null,
      inputPrompt: null,
      serverEnd: null,
      trace: (options.trace ?? false) && (options.kernel ?? 'browser') === 'browser',
      inspection: null,
    };
    this.cells = [...this.cells, cell];
    this.emit();
  }

  setCode(id: string, code: string): void {
    this.update(id, (cell) => (cell.code === code ? cell : { ...cell, code }));
  }

  /** Turns the cell's Trace toggle on or off; server cells cannot be traced. */
  setTrace(id: string, on: boolean): void {
    this.update(id, (cell) => (cell.kernel !== 'browser' || cell.trace === on ? cell : { ...cell, trace: on }));
  }

  setServerAvailability(availability: ServerAvailability): void {
    this.server = availability;
    this.emit();
  }

  /** The current code of the setup cells a server cell runs after, in page order. */
  serverSetup(id: string): string[] {
    const own = this.cells.findIndex((cell) => cell.id === id);
    const isSetup = this.cells[own]?.setup ?? false;
    return this.cells
      .filter((cell, index) => cell.kernel === 'server' && cell.setup && cell.id !== id && (!isSetup || index < own))
      .map((cell) => cell.code);
  }

  /** Whether a cell can be queued now; a server cell cannot while the server kernel is unavailable. */
  canRun(id: string): boolean {
    const cell = this.cell(id);
    if (!cell || cell.state === 'queued' || this.running === id) return false;
    return cell.kernel === 'browser' || this.server.state !== 'unavailable';
  }

  nextCellId(id: string): string | undefined {
    const index = this.cells.findIndex((cell) => cell.id === id);
    return index >= 0 ? this.cells[index + 1]?.id : undefined;
  }

  run(id: string): void {
    if (!this.canRun(id)) return;
    this.update(id, (current) => ({ ...current, state: 'queued' }));
    this.queue.push({ kind: 'cell', id });
    void this.drain();
  }

  runAll(): void {
    for (const cell of this.cells) this.run(cell.id);
  }

  /** Queues "Check my answer": the exercise cell's code runs, then its check, behind running cells. */
  check(exerciseId: string, check: string): void {
    const state = this.checks[exerciseId]?.state;
    if (!this.cell(exerciseId) || state === 'queued' || state === 'running') return;
    this.setCheck(exerciseId, { state: 'queued', errorType: null, message: null });
    this.queue.push({ kind: 'check', id: exerciseId, check });
    void this.drain();
  }

  /** Cells and checks still waiting their turn go back to idle (after a failure, or on restart). */
  cancelQueued(): void {
    const cancelled = this.queue;
    this.queue = [];
    const cells = new Set(cancelled.filter((job) => job.kind === 'cell').map((job) => job.id));
    this.cells = this.cells.map((cell) => (cells.has(cell.id) ? { ...cell, state: 'idle' } : cell));
    const checks = { ...this.checks };
    for (const job of cancelled) if (job.kind === 'check') delete checks[job.id];
    this.checks = checks;
    this.emit();
  }

  clearOutputs(): void {
    this.cells = this.cells.map((cell) =>
      cell.state === 'running' || cell.state === 'queued'
        ? cell
        : { ...cell, outputs: [], executionCount: null, elapsedMs: null, state: 'idle', serverEnd: null, inspection: null },
    );
    this.emit();
  }

  /** The learner answered `input()`: echo the line as a terminal would, and stop asking. */
  inputAnswered(id: string, line: string | null): void {
    if (line !== null) this.append(id, { kind: 'stdout', text: `${line}\n` });
    this.update(id, (cell) => ({ ...cell, inputPrompt: null }));
  }

  get busy(): boolean {
    return this.running !== null || this.queue.length > 0;
  }

  /** The cell running now, or the exercise whose check is running; null when idle. */
  get runningId(): string | null {
    return this.running;
  }

  private async drain(): Promise<void> {
    if (this.running !== null) return;
    const job = this.queue.shift();
    if (job === undefined) return;
    const cell = this.cell(job.id);
    if (!cell) return void this.drain();
    this.running = job.id;
    if (job.kind === 'check') this.setCheck(job.id, { state: 'running', errorType: null, message: null });
    const { report, stdout } = await this.execute(cell);
    let failed = report.status !== 'ok' && !(report.status === 'error' && cell.expectError);
    if (job.kind === 'check') {
      const checked = report.status === 'ok' ? await this.runChecker(job.id, job.check, stdout, cell.timeoutMs) : undefined;
      const outcome = checkOutcome(report, checked);
      this.setCheck(job.id, outcome);
      this.hooks.onChecked?.(job.id, outcome);
      failed = report.status !== 'ok';
    }
    this.running = null;
    if (failed) this.cancelQueued();
    else this.emit();
    void this.drain();
  }

  /** One run of a cell, as the learner sees it; returns what it printed to stdout too. */
  private async execute(cell: CellSnapshot): Promise<{ report: CellRunReport; stdout: string }> {
    const { id } = cell;
    let stdout = '';
    const keep = (chunk: OutputChunk) => {
      if (chunk.kind === 'stdout' && stdout.length < MAX_OUTPUT_CHARS) stdout += chunk.text.slice(0, MAX_OUTPUT_CHARS - stdout.length);
    };
    this.update(id, (current) => ({ ...current, state: 'running', outputs: [], elapsedMs: null, serverEnd: null, inspection: null }));
    const report = await this.runCell(cell, {
      output: (chunk) => {
        keep(chunk);
        this.append(id, chunk);
      },
      inputRequest: (prompt) => this.update(id, (current) => ({ ...current, inputPrompt: prompt })),
    });
    for (const chunk of report.chunks) {
      keep(chunk);
      this.append(id, chunk);
    }
    this.update(id, (current) => ({
      ...current,
      inputPrompt: null,
      state: report.status,
      executionCount: report.executionCount ?? current.executionCount,
      elapsedMs: report.durationMs,
      serverEnd: report.serverEnd ?? null,
      inspection: report.inspection ?? null,
    }));
    this.hooks.onFinished?.(id, report.status);
    return { report, stdout };
  }

  private async runChecker(exerciseId: string, check: string, stdout: string, timeoutMs: number): Promise<RunOutcome> {
    if (!this.hooks.runCheck) return { status: 'error', error: { type: 'RuntimeError', message: 'no kernel can run checks here' } };
    return this.hooks.runCheck({ exerciseId, code: checkProgram(check, stdout), timeoutMs });
  }

  private setCheck(exerciseId: string, check: CheckSnapshot): void {
    this.checks = { ...this.checks, [exerciseId]: check };
    this.emit();
  }

  private append(id: string, chunk: OutputChunk): void {
    this.update(id, (cell) => {
      const used = cell.outputs.reduce((total, output) => total + output.text.length, 0);
      if (used >= MAX_OUTPUT_CHARS) return cell;
      const text = chunk.text.slice(0, MAX_OUTPUT_CHARS - used);
      const outputs = [...cell.outputs];
      const last = outputs.at(-1);
      // Merge consecutive chunks of one stream so a chatty cell is not thousands of nodes.
      if (last && last.kind === chunk.kind && (chunk.kind === 'stdout' || chunk.kind === 'stderr')) {
        outputs[outputs.length - 1] = { kind: chunk.kind, text: last.text + text };
      } else {
        outputs.push({ kind: chunk.kind, text });
      }
      if (used + chunk.text.length > MAX_OUTPUT_CHARS) {
        outputs.push({ kind: 'notice', text: 'Output truncated in the page: the rest is not shown.' });
      }
      return { ...cell, outputs };
    });
  }

  private update(id: string, change: (cell: CellSnapshot) => CellSnapshot): void {
    let changed = false;
    this.cells = this.cells.map((cell) => {
      if (cell.id !== id) return cell;
      const next = change(cell);
      changed ||= next !== cell;
      return next;
    });
    if (changed) this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
