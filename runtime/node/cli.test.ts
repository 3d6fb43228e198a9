// `npm run py -- FILE.py` behaves like `python FILE.py`: output, tracebacks, exit status.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'awaitable-cli-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

type Outcome = { code: number; stdout: string; stderr: string };

async function py(name: string, source: string, args: string[] = [], stdin = ''): Promise<Outcome> {
  const file = join(directory, name);
  writeFileSync(file, source);
  const tsx = join(root, 'node_modules/.bin/tsx');
  return new Promise((resolve, reject) => {
    const child = execFile(tsx, ['runtime/node/cli.ts', file, ...args], { cwd: root }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
    child.stdin?.end(stdin);
  });
}

describe('py CLI', () => {
  it('runs a script with asyncio.run and exits 0', async () => {
    const result = await py(
      'ok.py',
      'import asyncio, sys\n\nasync def main():\n    await asyncio.sleep(0.01)\n    print("args:", sys.argv[1:], __name__)\n\nasyncio.run(main())\n',
      ['one', 'two'],
    );
    expect(result).toEqual({ code: 0, stdout: "args: ['one', 'two'] __main__\n", stderr: '' });
  });

  it('prints a traceback with the file name and its lines and exits 1', async () => {
    const file = join(directory, 'crash.py');
    const result = await py('crash.py', 'def boom():\n    raise ValueError("bad value")\n\nprint("before")\nboom()\n');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('before\n');
    expect(result.stderr).toBe(
      'Traceback (most recent call last):\n' +
        `  File "${file}", line 5, in <module>\n    boom()\n    ~~~~^^\n` +
        `  File "${file}", line 2, in boom\n    raise ValueError("bad value")\n` +
        'ValueError: bad value\n',
    );
  });

  it('reads input() from its stdin, like `echo 42 | python ask.py`', async () => {
    const source = 'import sys\nn = int(input("Number? "))\nprint(n * 2)\nprint(sys.stdin.read().split())\ninput()\n';
    const result = await py('ask.py', source, [], '42\nrest of\nthe input\n');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("Number? 84\n['rest', 'of', 'the', 'input']\n");
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe('EOFError: EOF when reading a line');
  });

  it('exits with the status given to sys.exit', async () => {
    expect((await py('exit.py', 'import sys\nsys.exit(3)\n')).code).toBe(3);
  });
});
