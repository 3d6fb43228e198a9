// Running a lesson's model: server cells in the real sandbox, or reported when it cannot run them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileLessonFile } from '../../app/_lib/content/compile-mdx';
import type { LessonModel } from '../../app/_lib/content/lesson-model';
import { NodeKernel } from '../../runtime/node/node-kernel';
import { formatFinding, runLessonModel } from './run-lesson';
import { loadSandbox, type SandboxAvailability } from './sandbox-loader';

const kernel = new NodeKernel();
let root: string;
let model: LessonModel;
let browserOnly: LessonModel;

const lesson = `---
id: threads
title: Threads
summary: S.
---

\`\`\`python id=local
print("in the browser")
\`\`\`

\`\`\`python id=shared kernel=server setup
import threading
WORKERS = 3
\`\`\`

\`\`\`python id=threads kernel=server
done = []
threads = [threading.Thread(target=done.append, args=(n,)) for n in range(WORKERS)]
for t in threads: t.start()
for t in threads: t.join()
print(sorted(done))
len(done)
\`\`\`

\`\`\`output
[0, 1, 2]
3
\`\`\`

\`\`\`python id=crash kernel=server expect=error
raise RuntimeError("on purpose")
\`\`\`

\`\`\`output
Traceback (most recent call last):
  File "<cell>", line 1, in <module>
    raise RuntimeError("on purpose")
RuntimeError: on purpose
\`\`\`
`;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'awaitable-run-lesson-'));
  await writeFile(path.join(root, 'threads.mdx'), lesson);
  await writeFile(path.join(root, 'plain.mdx'), '---\nid: plain\n---\n\n```python id=one\n1\n```\n');
  model = (await compileLessonFile(path.join(root, 'threads.mdx'), 'content/09-threads/index.mdx')).model;
  browserOnly = (await compileLessonFile(path.join(root, 'plain.mdx'), 'content/10-plain/index.mdx')).model;
  await kernel.start();
});
afterAll(async () => {
  kernel.dispose();
  await rm(root, { recursive: true, force: true });
});

const unavailable = async (): Promise<SandboxAvailability> => ({ available: false, reason: 'bwrap is not installed' });

describe('server cells', () => {
  it('run in the sandbox after the setup cells, compared like any cell', { timeout: 60_000 }, async () => {
    const server = await loadSandbox();
    expect(server).toMatchObject({ available: true });
    const run = await runLessonModel(model, { kernel, server: async () => server, allowNoServer: false });
    expect(run.failures.map(formatFinding)).toEqual([]);
    expect(run.passed).toBe(4);
  });

  it('fail, naming the file, line and cell, when the sandbox cannot run them', async () => {
    const run = await runLessonModel(model, { kernel, server: unavailable, allowNoServer: false });
    expect(run.failures.map(formatFinding)).toEqual([
      'content/09-threads/index.mdx:11: cell shared: server cell not checked: bwrap is not installed (set AWAITABLE_LESSONS_ALLOW_NO_SERVER=1 to skip server cells)',
      'content/09-threads/index.mdx:16: cell threads: server cell not checked: bwrap is not installed (set AWAITABLE_LESSONS_ALLOW_NO_SERVER=1 to skip server cells)',
      'content/09-threads/index.mdx:30: cell crash: server cell not checked: bwrap is not installed (set AWAITABLE_LESSONS_ALLOW_NO_SERVER=1 to skip server cells)',
    ]);
    expect(run.passed).toBe(1);
  });

  it('only warn when AWAITABLE_LESSONS_ALLOW_NO_SERVER is set', async () => {
    const run = await runLessonModel(model, { kernel, server: unavailable, allowNoServer: true });
    expect(run.failures).toEqual([]);
    expect(run.warnings.map((warning) => `${warning.line} ${warning.subject}`)).toEqual(['11 cell shared', '16 cell threads', '30 cell crash']);
  });

  it('are the only reason to ask for the sandbox', async () => {
    let asked = 0;
    const run = await runLessonModel(browserOnly, { kernel, server: () => { asked += 1; return unavailable(); }, allowNoServer: false });
    expect(run).toMatchObject({ passed: 1, failures: [], warnings: [] });
    expect(run.timings.map((timing) => timing.subject)).toEqual(['cell one']);
    expect(asked).toBe(0);
  });
});
