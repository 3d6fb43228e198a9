// `npm run py -- --trace trace.json FILE.py` writes a trace of the script's event loops.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTraceJson, slicesOf, tasksOf, waitsOf } from '../trace/read-trace';

const root = fileURLToPath(new URL('../../', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'awaitable-cli-trace-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

type Outcome = { code: number; stdout: string; stderr: string };

function py(args: string[]): Promise<Outcome> {
  const tsx = join(root, 'node_modules/.bin/tsx');
  return new Promise((resolve, reject) => {
    execFile(tsx, ['runtime/node/cli.ts', ...args], { cwd: root }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
  });
}

const SCRIPT = `import asyncio, sys

async def nap(n):
    await asyncio.sleep(0.05)
    return n

async def main():
    print(await asyncio.gather(nap(1), nap(2)), sys.argv[1:])

asyncio.run(main())
`;

describe('py --trace', () => {
  it('runs the script as usual and writes its trace as JSON of the documented schema', async () => {
    const script = join(directory, 'naps.py');
    const tracePath = join(directory, 'naps.json');
    writeFileSync(script, SCRIPT);
    const result = await py(['--trace', tracePath, script, 'arg']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("[1, 2] ['arg']\n");
    expect(result.stderr).toMatch(/^py: wrote the trace \(\d+ events, 8 task slices\) to .*naps\.json\n$/);
    const trace = parseTraceJson(readFileSync(tracePath, 'utf8'), tracePath);
    expect([...tasksOf(trace).values()].map((task) => task.coro)).toEqual([
      'main',
      'nap',
      'nap',
      'BaseEventLoop.shutdown_asyncgens',
      'AwaitableEventLoop.shutdown_default_executor',
    ]);
    expect(waitsOf(trace).map((wait) => wait.kind)).toEqual(['gather', 'sleep', 'sleep']);
    expect(slicesOf(trace)).toHaveLength(8);
  });

  it('writes the trace of a script that fails, and keeps its exit status', async () => {
    const script = join(directory, 'fails.py');
    const tracePath = join(directory, 'fails.json');
    writeFileSync(script, 'import asyncio\n\nasync def main():\n    raise KeyError("k")\n\nasyncio.run(main())\n');
    const result = await py([`--trace=${tracePath}`, script]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("KeyError: 'k'");
    const trace = parseTraceJson(readFileSync(tracePath, 'utf8'), tracePath);
    expect(slicesOf(trace, 1)).toMatchObject([{ outcome: 'exception', exception: 'KeyError' }]);
  });

  it('writes the loop steps too with --trace-steps', async () => {
    const script = join(directory, 'steps.py');
    const tracePath = join(directory, 'steps.json');
    writeFileSync(script, SCRIPT);
    const result = await py(['--trace-steps', '--trace', tracePath, script]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^py: wrote the trace \(\d+ events, 8 task slices, \d+ loop steps\) to .*steps\.json\n$/);
    const trace = parseTraceJson(readFileSync(tracePath, 'utf8'), tracePath);
    expect(trace.steps).toBe(true);
    const steps = trace.events.filter((event) => event.type === 'step');
    expect(steps.some((step) => step.timers.length === 2 && step.tasks.filter((task) => task.state === 'waiting').length === 3)).toBe(true);
    const alone = await py(['--trace-steps', script]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('py: --trace-steps needs --trace FILE');
  });

  it('refuses --trace without a file, into a missing directory, and with the server kernel', async () => {
    const script = join(directory, 'plain.py');
    writeFileSync(script, 'print("hi")\n');
    const missing = await py(['--trace=', script]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('py: --trace needs the file to write the trace to');
    const server = await py(['--trace', join(directory, 'server.json'), '--kernel', 'server', script]);
    expect(server.code).toBe(2);
    expect(server.stderr).toBe('py: --trace traces the pyodide kernel only\n');
    expect(existsSync(join(directory, 'server.json'))).toBe(false);
    const nowhere = join(directory, 'missing', 'trace.json');
    const noDirectory = await py(['--trace', nowhere, script]);
    expect(noDirectory).toEqual({ code: 2, stdout: '', stderr: `py: can't write the trace to '${nowhere}': no such directory\n` });
  });
});
