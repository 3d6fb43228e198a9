import { describe, expect, it } from 'vitest';
import { MAX_OUTPUT_CHARS, NotebookStore, type CellRunReport, type OutputChunk, type RunCell } from './notebook-store';

type Pending = {
  cellId: string;
  code: string;
  onOutput(chunk: OutputChunk): void;
  onInputRequest(prompt: string): void;
  finish(report: Partial<CellRunReport>): void;
};

/** A controllable runner: each run waits until the test finishes it. */
function controlledRunner() {
  const pending: Pending[] = [];
  const runCell: RunCell = ({ id: cellId, code }, events) =>
    new Promise((resolve) =>
      pending.push({
        cellId,
        code,
        onOutput: events.output,
        onInputRequest: events.inputRequest,
        finish: (report) => resolve({ status: 'ok', durationMs: 5, chunks: [], ...report }),
      }),
    );
  return { pending, runCell };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const states = (store: NotebookStore) => store.getCells().map((cell) => `${cell.id}:${cell.state}`);

describe('the notebook store', () => {
  it('runs queued cells one at a time, in the order they were queued', async () => {
    const { pending, runCell } = controlledRunner();
    const finished: string[] = [];
    const store = new NotebookStore(runCell, (id, status) => finished.push(`${id}:${status}`));
    store.register('a', 'print(1)');
    store.register('b', 'print(2)');
    store.runAll();
    expect(states(store)).toEqual(['a:running', 'b:queued']);
    expect(pending.map((run) => run.cellId)).toEqual(['a']);

    pending[0]?.finish({ executionCount: 1 });
    await flush();
    expect(states(store)).toEqual(['a:ok', 'b:running']);
    pending[1]?.finish({ executionCount: 2 });
    await flush();
    expect(states(store)).toEqual(['a:ok', 'b:ok']);
    expect(store.getCells().map((cell) => cell.executionCount)).toEqual([1, 2]);
    expect(finished).toEqual(['a:ok', 'b:ok']);
    expect(store.busy).toBe(false);
  });

  it('runs the code as edited, and queuing a queued cell again does nothing', async () => {
    const { pending, runCell } = controlledRunner();
    const store = new NotebookStore(runCell);
    store.register('a', 'original');
    store.register('b', 'x');
    store.setCode('a', 'edited');
    store.run('a');
    store.run('b');
    store.run('b');
    expect(pending[0]?.code).toBe('edited');
    pending[0]?.finish({});
    await flush();
    pending[1]?.finish({});
    await flush();
    expect(pending).toHaveLength(2);
  });

  it('stops the queue when a cell fails, as Jupyter does', async () => {
    const { pending, runCell } = controlledRunner();
    const store = new NotebookStore(runCell);
    for (const id of ['a', 'b', 'c']) store.register(id, id);
    store.runAll();
    pending[0]?.finish({ status: 'error', chunks: [{ kind: 'error', text: 'NameError' }] });
    await flush();
    expect(states(store)).toEqual(['a:error', 'b:idle', 'c:idle']);
    expect(pending).toHaveLength(1);
    expect(store.cell('a')?.outputs).toEqual([{ kind: 'error', text: 'NameError' }]);
  });

  it('merges consecutive stream chunks and caps what a cell keeps, with a notice', async () => {
    const { pending, runCell } = controlledRunner();
    const store = new NotebookStore(runCell);
    store.register('a', 'flood');
    store.run('a');
    const run = pending[0];
    run?.onOutput({ kind: 'stdout', text: 'one\n' });
    run?.onOutput({ kind: 'stdout', text: 'two\n' });
    run?.onOutput({ kind: 'stderr', text: 'warn\n' });
    expect(store.cell('a')?.outputs).toEqual([
      { kind: 'stdout', text: 'one\ntwo\n' },
      { kind: 'stderr', text: 'warn\n' },
    ]);
    run?.onOutput({ kind: 'stdout', text: 'x'.repeat(MAX_OUTPUT_CHARS) });
    run?.onOutput({ kind: 'stdout', text: 'more' });
    const outputs = store.cell('a')?.outputs ?? [];
    expect(outputs.reduce((total, chunk) => total + (chunk.kind === 'notice' ? 0 : chunk.text.length), 0)).toBe(MAX_OUTPUT_CHARS);
    expect(outputs.filter((chunk) => chunk.kind === 'notice')).toHaveLength(1);
  });

  it('clears outputs and counts of cells that are not running', async () => {
    const { pending, runCell } = controlledRunner();
    const store = new NotebookStore(runCell);
    store.register('a', 'a');
    store.run('a');
    pending[0]?.onOutput({ kind: 'stdout', text: 'hi' });
    pending[0]?.finish({ executionCount: 3 });
    await flush();
    store.clearOutputs();
    expect(store.cell('a')).toMatchObject({ state: 'idle', outputs: [], executionCount: null, elapsedMs: null });
  });

  it('asks for input while a cell waits, echoes the answer, and stops asking when the run ends', async () => {
    const { pending, runCell } = controlledRunner();
    const store = new NotebookStore(runCell);
    store.register('a', 'input()');
    store.run('a');
    pending[0]?.onOutput({ kind: 'stdout', text: 'Name? ' });
    pending[0]?.onInputRequest('Name? ');
    expect(store.cell('a')?.inputPrompt).toBe('Name? ');
    store.inputAnswered('a', 'Ada');
    expect(store.cell('a')).toMatchObject({ inputPrompt: null, outputs: [{ kind: 'stdout', text: 'Name? Ada\n' }] });
    pending[0]?.onInputRequest('Again? ');
    pending[0]?.finish({ status: 'interrupted' });
    await flush();
    expect(store.cell('a')?.inputPrompt).toBeNull();
  });
});
