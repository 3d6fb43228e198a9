// The worked example in docs/AUTHORING.md is a real lesson: lessons:check passes it (real Node kernel).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newLesson } from './new-lesson';
import { runTool } from './run-cli';

const guide = readFileSync(path.resolve(import.meta.dirname, '../../docs/AUTHORING.md'), 'utf8');
const course = mkdtempSync(path.join(tmpdir(), 'authoring-guide-'));
afterAll(() => rmSync(course, { recursive: true, force: true }));

describe('docs/AUTHORING.md', () => {
  it('has a worked example that lessons:check passes', { timeout: 120_000 }, async () => {
    const example = /^`````mdx\n([\s\S]*?)\n`````$/m.exec(guide)?.[1];
    expect(example, 'the worked example (a `````mdx block)').toBeDefined();
    newLesson(course, 'await', { zh: false }); // the example's prerequisite
    mkdirSync(path.join(course, '02-gather-basics'));
    writeFileSync(path.join(course, '02-gather-basics/index.mdx'), `${example}\n`);
    const check = await runTool('check.ts', ['gather-basics'], course);
    expect(check.stdout).toMatch(/^lessons:check: 3 passed, 0 failed \(1 file, /m);
    expect(check.code).toBe(0);
  });
});
