// The kernel behaves as CPython does: asyncio, cells, tracebacks, output. Real Pyodide, no mocks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeKernel } from './node-kernel';
import type { RunOptions, RunResult } from './node-kernel';

const kernel = new NodeKernel();

type Chunk = { name: 'stdout' | 'stderr'; text: string; at: number };
type CollectedRun = RunResult & { stdout: string; stderr: string; chunks: Chunk[]; finishedAt: number };

async function run(code: string, options: RunOptions = {}): Promise<CollectedRun> {
  const chunks: Chunk[] = [];
  const result = await kernel.run(code, {
    ...options,
    onStream: (name, text) => chunks.push({ name, text, at: performance.now() }),
  });
  const join = (name: Chunk['name']) => chunks.filter((chunk) => chunk.name === name).map((chunk) => chunk.text).join('');
  return { ...result, stdout: join('stdout'), stderr: join('stderr'), chunks, finishedAt: performance.now() };
}

beforeAll(() => kernel.start());
afterAll(() => kernel.dispose());

describe('event loop', () => {
  it('runs three concurrent sleep(1) in about one second, in order, without spinning', async () => {
    const cpuBefore = process.cpuUsage();
    const result = await run(`
import asyncio

async def worker(n):
    await asyncio.sleep(1)
    print(f"worker {n} done")
    return n

await asyncio.gather(worker(1), worker(2), worker(3))
`);
    const cpu = process.cpuUsage(cpuBefore);
    expect(result.status).toBe('ok');
    expect(result.value).toBe('[1, 2, 3]');
    expect(result.stdout).toBe('worker 1 done\nworker 2 done\nworker 3 done\n');
    expect(result.durationMs).toBeGreaterThanOrEqual(990);
    expect(result.durationMs).toBeLessThan(1300);
    // Busy-waiting would burn about a second of CPU; Atomics.wait burns almost none.
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(400);
  });

  it('runs asyncio.run(main()) in a plain cell', async () => {
    const result = await run(`
import asyncio

async def main():
    await asyncio.sleep(0.05)
    return "from main"

print(asyncio.run(main()))
`);
    expect(result.status).toBe('ok');
    expect(result.stdout).toBe('from main\n');
  });

  it('blocks the whole loop in time.sleep, as CPython does', async () => {
    const result = await run(`
import asyncio, time

async def blocking():
    time.sleep(0.3)

started = time.monotonic()
await asyncio.gather(blocking(), blocking())
round(time.monotonic() - started, 1)
`);
    expect(result.status).toBe('ok');
    expect(Number(result.value)).toBeGreaterThanOrEqual(0.6);
  });

  it("raises CPython's error for a nested asyncio.run", async () => {
    const result = await run(`
import asyncio

async def inner():
    pass

async def outer():
    asyncio.run(inner())

asyncio.run(outer())
`);
    expect(result.status).toBe('error');
    expect(result.error?.type).toBe('RuntimeError');
    expect(result.error?.message).toBe('asyncio.run() cannot be called from a running event loop');
  });

  it('has no running loop at top level', async () => {
    const result = await run('import asyncio\nasyncio.get_running_loop()');
    expect(result.error?.type).toBe('RuntimeError');
    expect(result.error?.message).toBe('no running event loop');
  });

  it('warns about slow callbacks in debug mode', async () => {
    const result = await run(`
import asyncio, time

async def slow():
    time.sleep(0.2)

asyncio.run(slow(), debug=True)
`);
    expect(result.status).toBe('ok');
    expect(result.stderr).toMatch(/Executing <Task .*slow\(\).*> took 0\.2\d* seconds/);
  });

  it('reports a task exception that was never retrieved', async () => {
    const result = await run(`
import asyncio

async def fails():
    raise ValueError("lost")

async def main():
    asyncio.create_task(fails())
    await asyncio.sleep(0.01)

asyncio.run(main())
`);
    expect(result.status).toBe('ok');
    expect(result.stderr).toContain('Task exception was never retrieved');
    expect(result.stderr).toContain('ValueError: lost');
  });
});

describe('cells', () => {
  it('shares one namespace across cells and returns the trailing expression', async () => {
    expect((await run('shared = [1, 2]\nshared.append(3)')).value).toBeUndefined();
    const result = await run('{"total": sum(shared)}');
    expect(result).toMatchObject({ status: 'ok', value: "{'total': 6}" });
    expect((await run('None')).value).toBeUndefined();
  });

  it('awaits at top level and keeps what the cell defined', async () => {
    const result = await run('import asyncio\nanswer = await asyncio.sleep(0.01, result=42)\nanswer * 2');
    expect(result).toMatchObject({ status: 'ok', value: '84' });
    expect((await run('answer')).value).toBe('42');
  });

  it("shows the learner's lines as <cell-N> and none of the kernel's frames", async () => {
    const result = await run(`
def divide(a, b):
    return a / b

async def main():
    return divide(1, 0)

await main()
`);
    expect(result.status).toBe('error');
    expect(result.error?.type).toBe('ZeroDivisionError');
    const traceback = result.error?.traceback ?? '';
    const cell = `<cell-${result.executionCount}>`;
    expect(traceback).toMatch(/^Traceback \(most recent call last\):\n/);
    expect(traceback).toContain(`File "${cell}", line 8, in <module>\n    await main()`);
    expect(traceback).toContain(`File "${cell}", line 3, in divide\n    return a / b`);
    expect(traceback).not.toMatch(/awaitable_kernel|runners\.py|base_events\.py|pyodide/);
    expect(traceback.trimEnd().split('\n').at(-1)).toBe('ZeroDivisionError: division by zero');
  });

  it('keeps a deep RecursionError traceback short', async () => {
    const result = await run('import sys\nsys.setrecursionlimit(20_000)\ndef down(n):\n    return down(n + 1)\ndown(0)');
    expect(result.error?.type).toBe('RecursionError');
    const traceback = result.error?.traceback ?? '';
    expect(traceback).toMatch(/\(\d+ frames in the middle of this traceback are not shown\)/);
    expect(traceback.length).toBeLessThan(5_000);
    expect(result.durationMs).toBeLessThan(2_000);
  });

  it('reports a syntax error at its line', async () => {
    const result = await run('x = = 1');
    expect(result.error?.type).toBe('SyntaxError');
    expect(result.error?.traceback).toContain(`File "<cell-${result.executionCount}>", line 1\n    x = = 1`);
  });

  it('streams output while the cell runs', async () => {
    const result = await run('import time\nprint("first", flush=True)\ntime.sleep(0.3)\nprint("second")');
    expect(result.stdout).toBe('first\nsecond\n');
    const first = result.chunks[0];
    expect(first?.text).toBe('first\n');
    expect(result.finishedAt - (first?.at ?? Infinity)).toBeGreaterThan(250);
  });

  it('keeps stdout and stderr apart, in order', async () => {
    const result = await run('import sys\nprint("out")\nprint("err", file=sys.stderr)\nprint("out again")');
    expect(result.chunks.map(({ name, text }) => [name, text])).toEqual([
      ['stdout', 'out\n'],
      ['stderr', 'err\n'],
      ['stdout', 'out again\n'],
    ]);
  });

  it('answers a trivial cell quickly', async () => {
    const result = await run('1 + 1');
    expect(result.value).toBe('2');
    expect(result.durationMs).toBeLessThan(50);
  });
});
