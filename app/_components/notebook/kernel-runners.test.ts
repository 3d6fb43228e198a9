import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeKernel } from '@/runtime/node/node-kernel';
import { kernelRunCell, kernelRunCheck } from './kernel-runners';
import { NotebookStore, type CellSnapshot, type CheckSnapshot } from './notebook-store';

const kernel = new NodeKernel();
beforeAll(() => kernel.start(), 60_000);
afterAll(() => kernel.dispose());

/** Checks an exercise in the real kernel, as "Check my answer" does, and waits for the verdict. */
function checkExercise(code: string, check: string): Promise<{ verdict: CheckSnapshot; store: NotebookStore }> {
  return new Promise((resolve) => {
    const store: NotebookStore = new NotebookStore(kernelRunCell(() => kernel), {
      runCheck: kernelRunCheck(() => kernel),
      onChecked: (_id, verdict) => resolve({ verdict, store }),
    });
    store.register('ex', code);
    store.check('ex', check);
  });
}

describe('checking an exercise in the real kernel', { timeout: 20_000 }, () => {
  it('fails with the check assertion message, in plain words', async () => {
    const { verdict } = await checkExercise('def double(x):\n    return x', 'assert double(2) == 4, "double(2) should be 4."');
    expect(verdict).toEqual({ state: 'failed', errorType: 'AssertionError', message: 'double(2) should be 4.' });
  });

  it('passes when the check raises nothing', async () => {
    const { verdict } = await checkExercise('def double(x):\n    return 2 * x', 'assert double(2) == 4, "double(2) should be 4."');
    expect(verdict.state).toBe('passed');
  });

  it("names the exception when the learner's code raises, and the check never runs", async () => {
    const { verdict, store } = await checkExercise('1 / 0', 'assert False, "not reached"');
    expect(verdict).toEqual({ state: 'raised', errorType: 'ZeroDivisionError', message: 'division by zero' });
    expect(store.cell('ex')?.outputs.at(-1)?.text).toContain('ZeroDivisionError');
  });

  it('names an exception the check hits that is no assertion (say, a missing name)', async () => {
    const { verdict } = await checkExercise('x = 1', 'assert download_all() == 3');
    expect(verdict).toMatchObject({ state: 'raised', errorType: 'NameError' });
    expect(verdict.message).toContain('download_all');
  });

  it("gives the check what the learner's code printed, quotes and newlines intact, and shows none of the check's output", async () => {
    const { verdict, store } = await checkExercise(
      String.raw`print('say "hi"\n\u00e9 \\ done')` + '\nprint("second")',
      'print("from the check")\n' + String.raw`assert __awaitable_stdout__ == 'say "hi"\né \\ done\nsecond\n', repr(__awaitable_stdout__)`,
    );
    expect(verdict.message).toBeNull();
    expect(verdict.state).toBe('passed');
    expect(store.cell('ex')?.outputs.map((chunk) => chunk.text).join('')).not.toContain('from the check');
  });
});

describe('a traced cell in the real kernel', { timeout: 30_000 }, () => {
  it("records the event loop and the bytecode, and the learner's output is what an untraced run gives", async () => {
    const code = 'import asyncio\n\nasync def nap():\n    await asyncio.sleep(0.05)\n    return "rested"\n\nprint(await nap())';
    const reports = await new Promise<CellSnapshot[]>((resolve) => {
      const done: CellSnapshot[] = [];
      const store: NotebookStore = new NotebookStore(kernelRunCell(() => kernel), {
        onFinished: (id) => {
          const cell = store.cell(id);
          if (cell) done.push(cell);
          if (done.length === 2) resolve(done);
        },
      });
      store.register('plain', code);
      store.register('traced', code, { trace: true });
      store.runAll();
    });
    const [plain, traced] = reports;
    expect(traced?.outputs).toEqual(plain?.outputs);
    expect(traced?.outputs.map((chunk) => chunk.text).join('')).toBe('rested\n');
    expect(plain?.inspection).toBeNull();
    const trace = traced?.inspection?.trace;
    expect(trace?.events.some((event) => event.type === 'slice' && event.wait?.kind === 'sleep')).toBe(true);
    expect(trace?.events.some((event) => event.type === 'step')).toBe(true);
    const nap = traced?.inspection?.bytecode?.functions.find((code) => code.name === 'nap');
    expect(nap?.instructions.find((instruction) => instruction.opname === 'GET_AWAITABLE')).toMatchObject({ role: 'await', line: 4 });
  });
});
