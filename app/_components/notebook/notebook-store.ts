/**
 * The state of a lesson's notebook: its cells in page order, what each is doing, and the queue
 * of runs. No React and no kernel inside: the store is given a `runCell` function, so its rules
 * (one run at a time, queue order, stop the queue after a failure) are unit-testable.
 */

export type CellState = 'idle' | 'queued' | 'running' | 'ok' | 'error' | 'interrupted' | 'timeout';
export type FinishedState = Extract<CellState, 'ok' | 'error' | 'interrupted' | 'timeout'>;
export type OutputChunk = { kind: 'stdout' | 'stderr' | 'result' | 'error' | 'notice'; text: string };

export type CellSnapshot = {
  id: string;
  /** How long a run may take before it is stopped (the author's choice, or the default). */
  timeoutMs: number;
  originalCode: string;
  code: string;
  state: CellState;
  executionCount: number | null;
  outputs: OutputChunk[];
  elapsedMs: number | null;
  /** The prompt of an `input()` the running cell is waiting on, or null. */
  inputPrompt: string | null;
};

export type CellRunReport = {
  status: FinishedState;
  executionCount?: number;
  durationMs: number;
  chunks: OutputChunk[];
};

export type RunEvents = { output(chunk: OutputChunk): void; inputRequest(prompt: string): void };
export type RunCell = (cell: CellSnapshot, events: RunEvents) => Promise<CellRunReport>;

export const DEFAULT_CELL_TIMEOUT_MS = 30_000;

/** Stream text kept per cell in the page; the kernel caps its own output too. */
export const MAX_OUTPUT_CHARS = 200_000;

type Listener = () => void;

export class NotebookStore {
  private cells: CellSnapshot[] = [];
  private readonly listeners = new Set<Listener>();
  private queue: string[] = [];
  private running: string | null = null;

  constructor(
    private readonly runCell: RunCell,
    private readonly onFinished: (cellId: string, status: FinishedState) => void = () => {},
  ) {}

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getCells = (): CellSnapshot[] => this.cells;

  cell(id: string): CellSnapshot | undefined {
    return this.cells.find((cell) => cell.id === id);
  }

  /** Cells register in page order; registering again (a re-mount) keeps their state. */
  register(id: string, originalCode: string, code: string = originalCode, timeoutMs = DEFAULT_CELL_TIMEOUT_MS): void {
    if (this.cell(id)) return;
    this.cells = [
      ...this.cells,
      { id, timeoutMs, originalCode, code, state: 'idle', executionCount: null, outputs: [], elapsedMs: null, inputPrompt: null },
    ];
    this.emit();
  }

  setCode(id: string, code: string): void {
    this.update(id, (cell) => (cell.code === code ? cell : { ...cell, code }));
  }

  nextCellId(id: string): string | undefined {
    const index = this.cells.findIndex((cell) => cell.id === id);
    return index >= 0 ? this.cells[index + 1]?.id : undefined;
  }

  run(id: string): void {
    const cell = this.cell(id);
    if (!cell || cell.state === 'queued' || this.running === id) return;
    this.update(id, (current) => ({ ...current, state: 'queued' }));
    this.queue.push(id);
    void this.drain();
  }

  runAll(): void {
    for (const cell of this.cells) this.run(cell.id);
  }

  /** Cells still waiting their turn go back to idle (after a failure, or on restart). */
  cancelQueued(): void {
    const cancelled = new Set(this.queue);
    this.queue = [];
    this.cells = this.cells.map((cell) => (cancelled.has(cell.id) ? { ...cell, state: 'idle' } : cell));
    this.emit();
  }

  clearOutputs(): void {
    this.cells = this.cells.map((cell) =>
      cell.state === 'running' || cell.state === 'queued' ? cell : { ...cell, outputs: [], executionCount: null, elapsedMs: null, state: 'idle' },
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

  private async drain(): Promise<void> {
    if (this.running !== null) return;
    const id = this.queue.shift();
    if (id === undefined) return;
    const cell = this.cell(id);
    if (!cell) return void this.drain();
    this.running = id;
    this.update(id, (current) => ({ ...current, state: 'running', outputs: [], elapsedMs: null }));
    const report = await this.runCell(cell, {
      output: (chunk) => this.append(id, chunk),
      inputRequest: (prompt) => this.update(id, (current) => ({ ...current, inputPrompt: prompt })),
    });
    for (const chunk of report.chunks) this.append(id, chunk);
    this.update(id, (current) => ({
      ...current,
      inputPrompt: null,
      state: report.status,
      executionCount: report.executionCount ?? current.executionCount,
      elapsedMs: report.durationMs,
    }));
    this.running = null;
    this.onFinished(id, report.status);
    if (report.status !== 'ok') this.cancelQueued();
    void this.drain();
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
