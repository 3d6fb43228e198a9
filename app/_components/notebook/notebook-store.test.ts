import { describe, expect, it } from 'vitest';
import { MAX_OUTPUT_CHARS, NotebookStore, type CellRunReport, type OutputChunk, type RunCell, type RunCheck } from './notebook-store';

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
    const store = new NotebookStore(runCell, { onFinished: (id, status) => void finished.push(`${id}:${status}`) });
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

/** A runner whose checks wait for the test too; `checks` holds the programs they were given. */
function controlledChecks() {
  const checks: { code: string; finish(outcome: Awaited<ReturnType<RunCheck>>): void }[] = [];
  const runCheck: RunCheck = ({ code }) => new Promise((resolve) => checks.push({ code, finish: resolve }));
  return { checks, runCheck };
}

describe('exercise checks in the notebook store', () => {
  it("run the learner's code as a cell, then the check with what it printed, and report the verdict", async () => {
    const { pending, runCell } = controlledRunner();
    const { checks, runCheck } = controlledChecks();
    const verdicts: string[] = [];
    const store = new NotebookStore(runCell, { runCheck, onChecked: (id, check) => void verdicts.push(`${id}:${check.state}`) });
    store.register('ex', 'print("hi")');
    store.check('ex', 'assert False, "Say hello."');
    expect(store.checkOf('ex')?.state).toBe('running');
    expect(store.cell('ex')?.state).toBe('running');
    pending[0]?.onOutput({ kind: 'stdout', text: 'hi\n' });
    pending[0]?.finish({});
    await flush();
    // While the check runs, the exercise counts as running (a toolbar can offer Interrupt).
    expect(store.runningId).toBe('ex');
    expect(checks[0]?.code).toBe('__awaitable_stdout__ = "hi\\n"\nassert False, "Say hello."');
    checks[0]?.finish({ status: 'error', error: { type: 'AssertionError', message: 'Say hello.' } });
    await flush();
    expect(store.checkOf('ex')).toEqual({ state: 'failed', errorType: 'AssertionError', message: 'Say hello.' });
    expect(store.runningId).toBeNull();
    // The check's own run never shows in the cell: only the learner's output is there.
    expect(store.cell('ex')?.outputs).toEqual([{ kind: 'stdout', text: 'hi\n' }]);
    expect(verdicts).toEqual(['ex:failed']);
  });

  it('queue behind a running cell, and a second click while queued does nothing', async () => {
    const { pending, runCell } = controlledRunner();
    const { checks, runCheck } = controlledChecks();
    const store = new NotebookStore(runCell, { runCheck });
    store.register('slow', 'x');
    store.register('ex', 'y');
    store.run('slow');
    store.check('ex', 'pass');
    store.check('ex', 'pass');
    expect(store.checkOf('ex')?.state).toBe('queued');
    pending[0]?.finish({});
    await flush();
    expect(pending.map((run) => run.cellId)).toEqual(['slow', 'ex']);
    pending[1]?.finish({});
    await flush();
    checks[0]?.finish({ status: 'ok' });
    await flush();
    expect(store.checkOf('ex')?.state).toBe('passed');
    expect(checks).toHaveLength(1);
  });

  it("skip the check when the learner's code raises, and say what it raised", async () => {
    const { pending, runCell } = controlledRunner();
    const { checks, runCheck } = controlledChecks();
    const store = new NotebookStore(runCell, { runCheck });
    store.register('ex', 'broken(');
    store.check('ex', 'pass');
    pending[0]?.finish({ status: 'error', error: { type: 'SyntaxError', message: "'(' was never closed" } });
    await flush();
    expect(checks).toHaveLength(0);
    expect(store.checkOf('ex')).toEqual({ state: 'raised', errorType: 'SyntaxError', message: "'(' was never closed" });
  });

  it('are cancelled with the queue on restart', async () => {
    const { pending, runCell } = controlledRunner();
    const store = new NotebookStore(runCell, { runCheck: controlledChecks().runCheck });
    store.register('a', 'x');
    store.register('ex', 'y');
    store.run('a');
    store.check('ex', 'pass');
    store.cancelQueued();
    expect(store.checkOf('ex')).toBeUndefined();
    pending[0]?.finish({});
    await flush();
    expect(pending).toHaveLength(1);
  });
});

describe('server cells in the notebook store', () => {
  it('cannot be queued while the server kernel is unavailable; Run all skips them', async () => {
    const { pending, runCell } = controlledRunner();
    const store = new NotebookStore(runCell);
    store.register('local', 'x');
    store.register('threads', 'y', { kernel: 'server' });
    store.setServerAvailability({ state: 'unavailable', reason: 'bubblewrap is not installed' });
    expect(store.canRun('threads')).toBe(false);
    store.runAll();
    pending[0]?.finish({});
    await flush();
    expect(pending.map((run) => run.cellId)).toEqual(['local']);
    expect(states(store)).toEqual(['local:ok', 'threads:idle']);
    store.setServerAvailability({ state: 'available' });
    store.run('threads');
    expect(pending.map((run) => run.cellId)).toEqual(['local', 'threads']);
  });

  it('run after the current code of the setup cells, in page order; a setup cell after those above it', () => {
    const store = new NotebookStore(controlledRunner().runCell);
    store.register('setup-a', 'a = 1', { kernel: 'server', setup: true });
    store.register('browser', 'b = 2');
    store.register('work', 'print(a)', { kernel: 'server' });
    store.register('setup-c', 'c = 3', { kernel: 'server', setup: true });
    store.setCode('setup-a', 'a = 10');
    expect(store.serverSetup('work')).toEqual(['a = 10', 'c = 3']);
    expect(store.serverSetup('setup-c')).toEqual(['a = 10']);
    expect(store.serverSetup('setup-a')).toEqual([]);
  });

  it('keep why the run ended, and clearing outputs forgets it', async () => {
    const { pending, runCell } = controlledRunner();
    const store = new NotebookStore(runCell);
    store.register('threads', 'y', { kernel: 'server' });
    store.run('threads');
    pending[0]?.finish({ status: 'timeout', serverEnd: { reason: 'time_limit', message: '10 s' } });
    await flush();
    expect(store.cell('threads')).toMatchObject({ state: 'timeout', serverEnd: { reason: 'time_limit', message: '10 s' } });
    store.clearOutputs();
    expect(store.cell('threads')?.serverEnd).toBeNull();
  });
});

describe('a cell meant to raise', () => {
  it('does not stop Run all when it raises', async () => {
    const { pending, runCell } = controlledRunner();
    const store = new NotebookStore(runCell);
    store.register('raises', 'raise ValueError', { expectError: true });
    store.register('after', 'x');
    store.runAll();
    pending[0]?.finish({ status: 'error' });
    await flush();
    expect(states(store)).toEqual(['raises:error', 'after:running']);
  });
});

describe('the Trace toggle in the notebook store', () => {
  it("passes the toggle to the runner, keeps what the traced run recorded, and drops it when a run starts", async () => {
    const seen: (boolean | undefined)[] = [];
    const pending: ((report: Partial<CellRunReport>) => void)[] = [];
    const runCell: RunCell = (cell) => {
      seen.push(cell.trace);
      return new Promise((resolve) => pending.push((report) => resolve({ status: 'ok', durationMs: 1, chunks: [], ...report })));
    };
    const store = new NotebookStore(runCell);
    store.register('a', 'await main()', { trace: true });
    store.register('b', 'print(1)');
    expect(store.cell('a')?.trace).toBe(true);
    expect(store.cell('b')?.trace).toBe(false);

    store.run('a');
    pending.shift()?.({ inspection: { error: 'no loop ran' } });
    await flush();
    expect(store.cell('a')?.inspection).toEqual({ error: 'no loop ran' });

    store.setTrace('a', false);
    store.run('a');
    expect(store.cell('a')?.inspection).toBeNull();
    pending.shift()?.({});
    await flush();
    expect(seen).toEqual([true, false]);
    expect(store.cell('a')?.inspection).toBeNull();
  });

  it('cannot be turned on for a server cell, even by the lesson', () => {
    const store = new NotebookStore(controlledRunner().runCell);
    store.register('s', 'import threading', { kernel: 'server', trace: true });
    store.setTrace('s', true);
    expect(store.cell('s')?.trace).toBe(false);
  });
});
