// What WebAssembly cannot do, and how the kernel says so: threads, memory, deep recursion.
// Real Pyodide, no mocks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeKernel } from './node-kernel';
import type { KernelNotice, KernelStatusDetail, RunResult } from './node-kernel';

// A lowered threshold, so that recycling is cheap to provoke (the default is 1 GiB).
const RECYCLE_HEAP_BYTES = 256 * 1024 ** 2;
const kernel = new NodeKernel({ recycleHeapBytes: RECYCLE_HEAP_BYTES });
const THREADS_MESSAGE =
  "can't start new thread: threads cannot run in the browser kernel (Python compiled to WebAssembly has a single thread). " +
  'Cells marked kernel="server" run on the server kernel, which has threads.';

type Collected = RunResult & { stderr: string; notices: KernelNotice[] };

async function run(code: string): Promise<Collected> {
  let stderr = '';
  const notices: KernelNotice[] = [];
  const result = await kernel.run(code, {
    onStream: (name, text) => (stderr += name === 'stderr' ? text : ''),
    onNotice: (notice) => notices.push(notice),
  });
  return { ...result, stderr, notices };
}

beforeAll(() => kernel.start());
afterAll(() => kernel.dispose());

describe('threads', () => {
  const starters: Record<string, string> = {
    'threading.Thread': 'import threading\nthreading.Thread(target=print).start()',
    'asyncio.to_thread': 'import asyncio\nawait asyncio.to_thread(print, "hi")',
    'loop.run_in_executor': `
import asyncio

async def main():
    await asyncio.get_running_loop().run_in_executor(None, print, "hi")

asyncio.run(main())`,
    ThreadPoolExecutor: 'from concurrent.futures import ThreadPoolExecutor\nwith ThreadPoolExecutor() as pool:\n    pool.submit(print, "hi").result()',
  };

  for (const [name, code] of Object.entries(starters)) {
    it(`${name} fails with one error that names the server kernel`, async () => {
      const result = await run(code);
      expect(result.error).toMatchObject({ type: 'RuntimeError', message: THREADS_MESSAGE });
      const traceback = result.error?.traceback ?? '';
      expect(traceback.match(/Traceback/g)).toHaveLength(1);
      expect(traceback.trimEnd().split('\n').at(-1)).toBe(`RuntimeError: ${THREADS_MESSAGE}`);
      expect(result.stderr).toBe('');
    });
  }

  it('leaves no noise behind when a script exits', async () => {
    let stderr = '';
    const result = await kernel.runScript('/tmp/threads.py', 'import asyncio\nasyncio.run(asyncio.to_thread(print))\n', ['threads.py'], {
      onStream: (name, text) => (stderr += name === 'stderr' ? text : ''),
    });
    expect(result.exitCode).toBe(1);
    expect(stderr).toBe(result.error?.traceback); // the script's traceback, as Python prints it, and nothing else
  });
});

describe('recursion', () => {
  it('raises RecursionError through C code at any recursion limit, and the kernel lives on', async () => {
    await run('survivor = "here"');
    const result = await run(
      'import sys\nsys.setrecursionlimit(10**6)\nclass Loop:\n    def __getattr__(self, name):\n        return getattr(self, name)\nLoop().x',
    );
    expect(result.error?.type).toBe('RecursionError');
    expect(result.error?.message).toMatch(/^Stack overflow \(used \d+ kB\)$/); // CPython's C stack check
    expect((await run('survivor')).value).toBe("'here'");
  });

  it('goes as deep as CPython in pure Python recursion', async () => {
    const result = await run('import sys\nsys.setrecursionlimit(200_100)\ndef down(n):\n    return down(n - 1) if n else "bottom"\ndown(200_000)');
    expect(result.value).toBe("'bottom'");
  });
});

describe('memory', () => {
  it('raises MemoryError for allocations that cannot fit 32-bit WebAssembly', async () => {
    expect((await run('bytearray(2**31 - 1)')).error?.type).toBe('MemoryError');
    // 3 GiB does not fit a 32-bit Py_ssize_t: CPython's own error on 32-bit platforms.
    expect((await run('bytearray(3 * 1024**3)')).error?.type).toBe('OverflowError');
  });

  it('recycles the kernel, before the next run, once a run leaves the heap above the threshold', async () => {
    const statuses: KernelStatusDetail[] = [];
    const stop = kernel.onStatus((status, detail) => status === 'loading' && detail && statuses.push(detail));
    await run('small = bytearray(16 * 1024**2)');
    expect(statuses).toEqual([]);
    const grown = await run('big = bytearray(300 * 1024**2)\ndel big');
    stop();
    expect(grown.status).toBe('ok');
    expect(grown.notices).toHaveLength(1);
    expect(grown.notices[0]).toMatchObject({ kind: 'kernel-recycled' });
    expect(statuses[0]?.reason).toBe(grown.notices[0]?.message);
    const next = await run('"small" in globals()');
    expect(next).toMatchObject({ value: 'False', executionCount: 1 });
  });

  it('ends gradual growth in MemoryError; the kernel survives, and is then recycled', async () => {
    await run('kept = 1');
    // 512 MiB steps: the heap stops near 3.5 GiB (of 4) in ~8 s, most of it spent by the OS paging memory in.
    const result = await run('def grow():\n    chunks = []\n    while True:\n        chunks.append(bytearray(512 * 1024**2))\ngrow()');
    console.info(`gradual growth to MemoryError: ${result.durationMs.toFixed(0)} ms`);
    expect(result.error?.type).toBe('MemoryError');
    expect(result.notices.map((notice) => notice.kind)).toEqual(['kernel-recycled']);
    const heapBytes = result.notices[0]?.kind === 'kernel-recycled' ? result.notices[0].heapBytes : 0;
    expect(heapBytes).toBeGreaterThan(2 * 1024 ** 3);
    expect(await run('"kept" in globals()')).toMatchObject({ status: 'ok', value: 'False' });
  });
});
