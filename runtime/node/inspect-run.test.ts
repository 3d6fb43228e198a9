// Inspecting a run through the normal kernel API (RunOptions.inspect) on the real kernel:
// the run is unchanged, the trace and the bytecode come back parsed, failures are explained.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeObjectsOf } from '../trace/read-bytecode';
import { slicesOf, tasksOf } from '../trace/read-trace';
import { runTraced } from '../trace/traced-run';
import { NodeKernel } from './node-kernel';
import type { RunOptions, RunResult } from './node-kernel';

const kernel = new NodeKernel();

beforeAll(() => kernel.start());
afterAll(() => kernel.dispose());

const FULL: RunOptions['inspect'] = { trace: { steps: true }, bytecode: true };

async function run(code: string, options: RunOptions = {}): Promise<RunResult & { stdout: string; stderr: string }> {
  const streams = { stdout: '', stderr: '' };
  const result = await kernel.run(code, { ...options, onStream: (name, text) => void (streams[name] += text) });
  return { ...result, ...streams };
}

const NAPS = `import asyncio

async def nap(n):
    print("nap", n)
    await asyncio.sleep(0.01)
    return n

await asyncio.gather(nap(1), nap(2))
`;

describe('inspecting a run', () => {
  it('gives the same output, value and execution count as an uninspected run, plus the trace and bytecode', async () => {
    const plain = await run(NAPS);
    const inspected = await run(NAPS, { inspect: FULL });
    const after = await run('1 + 1');
    expect(inspected.executionCount).toBe((plain.executionCount ?? 0) + 1);
    expect(after.executionCount).toBe((inspected.executionCount ?? 0) + 1); // no hidden runs
    expect({ ...inspected, durationMs: 0, inspection: undefined, executionCount: 0 }).toEqual({
      ...plain,
      durationMs: 0,
      executionCount: 0,
    });
    expect(inspected.stdout).toBe('nap 1\nnap 2\n');
    expect(plain.inspection).toBeUndefined();

    const { trace, bytecode, error } = inspected.inspection ?? {};
    expect(error).toBeUndefined();
    expect(trace?.steps).toBe(true);
    const cell = `<cell-${inspected.executionCount}>`;
    // Then asyncio.Runner's own shutdown tasks.
    expect([...tasksOf(trace ?? fail('no trace')).values()].map((task) => task.coro).slice(0, 3)).toEqual([cell, 'nap', 'nap']);
    // Its stack shows the learner's top level awaiting, not the kernel's wrapper around it.
    const waiting = trace?.events.find((event) => event.type === 'step' && event.tasks[0]?.state === 'waiting');
    expect(waiting?.type === 'step' && waiting.tasks[0]?.stack).toEqual([{ name: '<module>', file: cell, line: 8 }]);
    expect(slicesOf(trace ?? fail('no trace')).some((slice) => slice.wait?.kind === 'sleep')).toBe(true);
    expect(trace?.events.some((event) => event.type === 'step')).toBe(true);
    expect(bytecode?.filename).toBe(`<cell-${inspected.executionCount}>`);
    expect(bytecode?.functions.map((code) => code.qualname)).toEqual(['nap']);
    expect(bytecode?.source[4]).toEqual({ line: 5, text: '    await asyncio.sleep(0.01)' });
  });

  it('marks the opcodes of an await with their roles, on the await line', async () => {
    const inspected = await run(NAPS, { inspect: { bytecode: true } });
    const nap = inspected.inspection?.bytecode?.functions[0];
    expect(inspected.inspection?.trace).toBeUndefined();
    expect(nap?.kind).toBe('coroutine');
    expect(nap?.flags).toContain('CO_COROUTINE');
    const roles = (nap?.instructions ?? []).filter((instruction) => instruction.role !== null);
    const onAwaitLine = roles.filter((instruction) => instruction.line === 5).map((instruction) => [instruction.opname, instruction.role]);
    expect(onAwaitLine).toEqual(
      expect.arrayContaining([
        ['GET_AWAITABLE', 'await'],
        ['SEND', 'send'],
        ['YIELD_VALUE', 'suspend'],
        ['RESUME', 'resume'],
        ['END_SEND', 'cleanup'],
      ]),
    );
    expect(roles.map((instruction) => instruction.opname).slice(0, 3)).toEqual(['RETURN_GENERATOR', 'POP_TOP', 'RESUME']);
    expect(roles.at(-1)?.opname).toBe('CLEANUP_THROW'); // the exception handler comes after the body
    expect(roles.find((instruction) => instruction.opname === 'RETURN_VALUE')).toMatchObject({ role: 'return', line: 6 });
    for (const instruction of roles) expect(instruction.note).toMatch(/^\S.*\.$/);
    const plainInstructions = nap?.instructions.filter((instruction) => instruction.role === null) ?? [];
    expect(plainInstructions.some((instruction) => instruction.opname === 'CALL')).toBe(true);
    expect(plainInstructions.every((instruction) => instruction.note === undefined)).toBe(true);
  });

  it('describes methods, async generators and nested functions, but not plain statements', async () => {
    const inspected = await run(
      `class Pool:
    async def __aenter__(self):
        return self

    def size(self):
        return 1

async def ticks():
    def label(n):
        return f"tick {n}"
    yield label(1)

x = [n * 2 for n in range(3)]
`,
      { inspect: { bytecode: true } },
    );
    const bytecode = inspected.inspection?.bytecode;
    expect(bytecode?.functions.map((code) => [code.qualname, code.kind])).toEqual([
      ['Pool.__aenter__', 'coroutine'],
      ['Pool.size', 'function'],
      ['ticks', 'async generator'],
    ]);
    expect(codeObjectsOf(bytecode ?? fail('no bytecode')).map((code) => code.qualname)).toContain('ticks.<locals>.label');
  });

  it('returns the trace of a cell that raised, with the error as usual', async () => {
    const inspected = await run(
      `import asyncio
async def boom():
    await asyncio.sleep(0)
    raise ValueError("no")
asyncio.run(boom())`,
      { inspect: FULL },
    );
    expect(inspected.status).toBe('error');
    expect(inspected.error?.type).toBe('ValueError');
    expect(inspected.inspection?.error).toBeUndefined();
    const boom = [...tasksOf(inspected.inspection?.trace ?? fail('no trace')).values()].find((task) => task.coro === 'boom');
    const slices = slicesOf(inspected.inspection?.trace ?? fail('no trace'), boom?.task);
    expect(slices.at(-1)).toMatchObject({ outcome: 'exception', exception: 'ValueError' });
  });

  it('returns the trace of a run that was interrupted, up to the interrupt', async () => {
    const running = run('import asyncio\nawait asyncio.sleep(30)', { inspect: { trace: { steps: true } } });
    setTimeout(() => kernel.interrupt(), 500);
    const interrupted = await running;
    expect(interrupted.status).toBe('interrupted');
    const trace = interrupted.inspection?.trace ?? fail('no trace');
    expect(slicesOf(trace)[0]?.wait).toEqual({ kind: 'sleep', label: 'sleep', seconds: 30 });
    // The loop waited in its selector until the interrupt ended the wait.
    const waits = trace.events.map((event) => (event.type === 'select' ? event.end - event.start : 0));
    expect(Math.max(...waits)).toBeGreaterThan(300_000_000);
  });

  it('explains an inspection that failed, and still runs the code', async () => {
    const syntax = await run('def broken(:\n    pass', { inspect: { bytecode: true } });
    expect(syntax.status).toBe('error');
    expect(syntax.error?.type).toBe('SyntaxError');
    expect(syntax.inspection).toEqual({ error: 'The code has a syntax error, so it has no bytecode to show.' });

    // Tracing is already on (as `npm run py -- --trace` turns it on): the run goes ahead untraced.
    const { result } = await runTraced(kernel, () => run('print("still runs")', { inspect: { trace: {} } }));
    expect(result.status).toBe('ok');
    expect(result.inspection?.trace).toBeUndefined();
    expect(result.inspection?.error).toBe('The event loop could not be traced: the event loop is already being traced');
  });

  it('refuses invalid inspect options by name, without running anything', async () => {
    await expect(kernel.run('print(1)', { inspect: { trace: { maxEvents: 0 } } })).rejects.toThrow(/Invalid run option "inspect"[\s\S]*trace\.maxEvents/);
  });
});

function fail(message: string): never {
  throw new Error(message);
}
