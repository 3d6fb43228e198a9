// Interrupts and time limits, against real Pyodide in a worker thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeKernel } from './node-kernel';
import type { RunResult } from './node-kernel';

const kernel = new NodeKernel();
const READY_MARKER = '<waiting>';

beforeAll(() => kernel.start());
afterAll(() => kernel.dispose());

/** Run code that prints READY_MARKER just before it blocks; interrupt it then and time the reaction. */
async function interruptWhileBlocked(code: string): Promise<RunResult & { latencyMs: number }> {
  let interruptedAt = 0;
  const result = await kernel.run(`print(${JSON.stringify(READY_MARKER)}, flush=True)\n${code}`, {
    onStream: (_name, text) => {
      if (!text.includes(READY_MARKER)) return;
      setTimeout(() => {
        interruptedAt = performance.now();
        kernel.interrupt();
      }, 100);
    },
  });
  return { ...result, latencyMs: performance.now() - interruptedAt };
}

describe('interrupt', () => {
  const blockers: Record<string, string> = {
    'a busy loop': 'while True:\n    pass',
    'time.sleep': 'import time\ntime.sleep(100)',
    'await asyncio.sleep': 'import asyncio\nawait asyncio.sleep(100)',
    'a future that never resolves': 'import asyncio\nawait asyncio.get_running_loop().create_future()',
    'asyncio.run of a task that never ends': 'import asyncio\nasync def main():\n    await asyncio.Event().wait()\nasyncio.run(main())',
    'a busy await asyncio.sleep(0) loop': 'import asyncio\nwhile True:\n    await asyncio.sleep(0)',
  };

  for (const [name, code] of Object.entries(blockers)) {
    it(`raises KeyboardInterrupt in ${name}`, async () => {
      const result = await interruptWhileBlocked(code);
      expect(result.status).toBe('interrupted');
      expect(result.error?.type).toBe('KeyboardInterrupt');
      expect(result.error?.traceback.trimEnd().split('\n').at(-1)).toBe('KeyboardInterrupt');
      expect(result.latencyMs).toBeLessThan(300);
      console.info(`interrupt latency, ${name}: ${result.latencyMs.toFixed(1)} ms`);
    });
  }

  it('leaves the namespace intact and the kernel usable', async () => {
    await kernel.run('kept = "still here"');
    await interruptWhileBlocked('while True:\n    pass');
    expect(await kernel.run('kept')).toMatchObject({ status: 'ok', value: "'still here'" });
  });

  it('is ignored when nothing runs, and does not hit the next run', async () => {
    kernel.interrupt();
    expect(await kernel.run('import time\ntime.sleep(0.05)\n"fine"')).toMatchObject({ status: 'ok', value: "'fine'" });
  });
});

describe('time limit', () => {
  it('interrupts a run that exceeds its limit, keeping the kernel', async () => {
    await kernel.run('before_timeout = 1');
    const result = await kernel.run('import time\ntime.sleep(100)', { timeoutMs: 300 });
    expect(result.status).toBe('timeout');
    expect(result.error?.type).toBe('KeyboardInterrupt');
    expect(result.durationMs).toBeLessThan(800);
    expect(await kernel.run('before_timeout')).toMatchObject({ status: 'ok', value: '1' });
  });

  it('replaces the kernel when a C-level loop ignores the interrupt', async () => {
    const result = await kernel.run('sum(range(10**10))', { timeoutMs: 1500 });
    expect(result.status).toBe('timeout');
    expect(result.error?.type).toBe('TimeoutError');
    expect(result.durationMs).toBeGreaterThanOrEqual(2400);
    expect(result.durationMs).toBeLessThan(4000);
    const restartedAt = performance.now();
    const after = await kernel.run('"fresh"');
    console.info(`fresh kernel answered ${(performance.now() - restartedAt).toFixed(0)} ms after the timeout`);
    expect(after).toMatchObject({ status: 'ok', value: "'fresh'", executionCount: 1 });
  });
});

describe('crash', () => {
  it('reports a kernel that died and boots a fresh one for the next run', async () => {
    const result = await kernel.run('import os\nos.abort()', { onStream: () => undefined });
    expect(result.status).toBe('error');
    expect(result.error?.type).toBe('KernelDied');
    expect(result.error?.message).toMatch(/^Python crashed/);
    expect(await kernel.run('"alive"')).toMatchObject({ status: 'ok', value: "'alive'" });
  });
});

describe('queue and restart', () => {
  it('runs queued cells one at a time, in order', async () => {
    const order: string[] = [];
    const record = (label: string) => () => order.push(label);
    await Promise.all([
      kernel.run('import time\ntime.sleep(0.1)\nprint("a")', { onStream: record('a') }).then(record('a done')),
      kernel.run('print("b")', { onStream: record('b') }).then(record('b done')),
    ]);
    expect(order).toEqual(['a', 'a done', 'b', 'b done']);
  });

  it('restart ends the running cell and starts an empty namespace', async () => {
    await kernel.run('doomed = True');
    const running = kernel.run('import time\ntime.sleep(100)');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await kernel.restart();
    expect((await running).status).toBe('interrupted');
    expect((await kernel.run('doomed')).error?.type).toBe('NameError');
    expect(kernel.status).toBe('ready');
  });

  it('settles a boot that a restart cut short', async () => {
    const cutShort = kernel.restart();
    const replacement = kernel.restart();
    await expect(cutShort).rejects.toThrow('restarted before it was ready');
    await replacement;
    expect(await kernel.run('"up"')).toMatchObject({ status: 'ok', value: "'up'" });
  });
});
