// `npm run py -- --kernel server FILE.py` runs a file the way a server cell runs: real threads.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'awaitable-cli-server-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function py(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(join(root, 'node_modules/.bin/tsx'), ['runtime/node/cli.ts', ...args], { cwd: root }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
  });
}

describe('py --kernel server', () => {
  it('runs real threads and reports a traceback with the file name and exit status 1', async () => {
    const file = join(directory, 'threads.py');
    writeFileSync(
      file,
      'import threading\nnames = []\nthreads = [threading.Thread(target=lambda: names.append(1)) for _ in range(4)]\n' +
        'for t in threads: t.start()\nfor t in threads: t.join()\nprint(len(names), "threads ran")\nraise SystemError("done")\n',
    );
    const result = await py(['--kernel', 'server', file]);
    expect(result.stdout).toBe('4 threads ran\n');
    expect(result.stderr).toContain(`File "${file}", line 7, in <module>`);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe('SystemError: done');
    expect(result.code).toBe(1);
  });

  it('refuses an unknown kernel name with usage', async () => {
    const result = await py(['--kernel=gpu', join(directory, 'x.py')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--kernel must be "pyodide" or "server", not "gpu"/);
  });
});
