// input() through the stdin channel, and output floods. Real Pyodide, no mocks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeKernel } from './node-kernel';
import type { KernelNotice, RunOptions, RunResult } from './node-kernel';

const kernel = new NodeKernel();

type Chunk = { name: 'stdout' | 'stderr'; text: string; at: number };
type Collected = RunResult & { stdout: string; chunks: Chunk[]; prompts: string[]; notices: KernelNotice[]; startedAt: number };

/** Run code; each input request is answered, 20 ms later, with the next of `answers`. */
async function run(code: string, answers: (string | null)[] = [], options: RunOptions = {}): Promise<Collected> {
  const chunks: Chunk[] = [];
  const prompts: string[] = [];
  const notices: KernelNotice[] = [];
  const startedAt = performance.now();
  const result = await kernel.run(code, {
    onStream: (name, text) => chunks.push({ name, text, at: performance.now() - startedAt }),
    onInputRequest: (prompt) => {
      prompts.push(prompt);
      const answer = answers.shift();
      if (answer !== undefined) setTimeout(() => kernel.provideInput(answer), 20);
    },
    onNotice: (notice) => notices.push(notice),
    ...options,
  });
  const stdout = chunks.filter((chunk) => chunk.name === 'stdout').map((chunk) => chunk.text).join('');
  return { ...result, stdout, chunks, prompts, notices, startedAt };
}

beforeAll(() => kernel.start());
afterAll(() => kernel.dispose());

describe('input()', () => {
  it('reads a line; its prompt is in the output and in the request', async () => {
    const result = await run('name = input("Name? ")\nprint(f"Hello, {name}!")', ['Ada']);
    expect(result.status).toBe('ok');
    expect(result.prompts).toEqual(['Name? ']);
    expect(result.stdout).toBe('Name? Hello, Ada!\n');
  });

  it('reads through sys.stdin too, a line per request', async () => {
    const result = await run('import sys\nfirst = input()\nsecond = sys.stdin.readline()\n[first, second]', ['one', 'two 😀']);
    expect(result.value).toBe("['one', 'two 😀\\n']");
    expect(result.prompts).toEqual(['', '']);
  });

  it('reads inside a coroutine, blocking the event loop as in CPython', async () => {
    const result = await run('import asyncio\nasync def ask():\n    return input("> ")\nawait asyncio.wait_for(ask(), 5)', ['async']);
    expect(result.value).toBe("'async'");
  });

  it('raises EOFError at end of file', async () => {
    const result = await run('input("more? ")', [null]);
    expect(result.error).toMatchObject({ type: 'EOFError', message: 'EOF when reading a line' });
  });

  it('gives end of file to a run that has no input handler', async () => {
    const result = await kernel.run('input()');
    expect(result.error?.type).toBe('EOFError');
  });

  it('raises KeyboardInterrupt when interrupted while it waits', async () => {
    let interruptedAt = 0;
    const result = await run('input("waiting: ")', [], {
      onInputRequest: () =>
        setTimeout(() => {
          interruptedAt = performance.now();
          kernel.interrupt();
        }, 50),
    });
    const latencyMs = performance.now() - interruptedAt;
    expect(result.status).toBe('interrupted');
    expect(result.error?.traceback.trimEnd().split('\n').at(-1)).toBe('KeyboardInterrupt');
    expect(latencyMs).toBeLessThan(100);
  });

  it('does not count the time spent waiting against the time limit', async () => {
    const result = await run('input()', [], { timeoutMs: 300, onInputRequest: () => setTimeout(() => kernel.provideInput('late'), 600) });
    expect(result).toMatchObject({ status: 'ok', value: "'late'" });
  });

  it('accepts a line only while a run waits for one', async () => {
    expect(kernel.provideInput('nobody asked')).toBe(false);
    const result = await run('input()', [], { onInputRequest: () => expect(kernel.provideInput('asked')).toBe(true) });
    expect(result.value).toBe("'asked'");
  });

  it('drives pdb through breakpoint()', async () => {
    const result = await run('def f():\n    x = 41\n    breakpoint()\n    return x + 1\nf()', ['p x', 'n', 'c']);
    expect(result.status).toBe('ok');
    expect(result.value).toBe('42');
    expect(result.prompts).toEqual(['(Pdb) ', '(Pdb) ', '(Pdb) ']);
    expect(result.stdout).toMatch(/^> <cell-\d+>\(3\)f\(\)\n-> breakpoint\(\)\n\(Pdb\) 41\n\(Pdb\) > <cell-\d+>\(4\)f\(\)\n-> return x \+ 1\n\(Pdb\) $/);
  });
});

describe('output', () => {
  it('survives a million prints: bounded messages, one notice, a final count, the run completes', async () => {
    const result = await run('for i in range(10**6):\n    print(i)\ni');
    console.info(`a million prints: ${result.durationMs.toFixed(0)} ms, ${result.chunks.length} messages`);
    expect(result.status).toBe('ok');
    expect(result.value).toBe('999999'); // the program ran to the end
    expect(result.stdout.split('\n').slice(-2)).toEqual(['9999', '']);
    expect(result.chunks.length).toBeLessThan(100);
    expect(result.durationMs).toBeLessThan(10_000);
    expect(result.droppedOutput).toEqual({ lines: 990_000, bytes: 6_840_000 });
    expect(result.notices).toMatchObject([
      { kind: 'output-truncated', final: false },
      { kind: 'output-truncated', final: true },
    ]);
    expect(result.notices[1]?.message).toBe('Output truncated: 990,000 more lines (6.8 MB) not shown.');
  });

  it('takes limits per run, and none at all', async () => {
    const limited = await run('for i in range(10):\n    print(i)', [], { outputLimits: { maxBytes: 1_000, maxLines: 3 } });
    expect(limited.stdout).toBe('0\n1\n2\n');
    expect(limited.droppedOutput).toEqual({ lines: 7, bytes: 14 });
    const unlimited = await run('for i in range(20_000):\n    print(i)', [], { outputLimits: null });
    expect(unlimited.stdout.split('\n')).toHaveLength(20_001);
    expect(unlimited.notices).toEqual([]);
  });

  it('sends coalesced output while a computation runs, not only at its end', async () => {
    const result = await run('import time\nprint("a")\nprint("b")\nend = time.monotonic() + 0.5\nwhile time.monotonic() < end:\n    pass');
    const b = result.chunks.find((chunk) => chunk.text.includes('b'));
    expect(result.chunks[0]?.text).toBe('a\n');
    expect(b?.at).toBeLessThan(250);
    expect(result.durationMs).toBeGreaterThan(500);
  });
});
