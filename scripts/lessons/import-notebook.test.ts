// `npm run lesson:import`: a fixture notebook becomes a lesson that lessons:check accepts (real Node kernel).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { slugFromFileName } from './import-notebook';
import { runTool } from './run-cli';

const notebooks = 'scripts/lessons/fixtures/notebooks';
const courses: string[] = [];
function emptyCourse(): string {
  const course = mkdtempSync(path.join(tmpdir(), 'lesson-import-'));
  courses.push(course);
  return course;
}
afterEach(() => {
  for (const course of courses.splice(0)) rmSync(course, { recursive: true, force: true });
});

describe('npm run lesson:import', () => {
  it('imports a notebook into a lesson that lessons:check passes, reporting what it left out', { timeout: 120_000 }, async () => {
    const course = emptyCourse();
    const result = await runTool('import-notebook.ts', [`${notebooks}/gather-basics.ipynb`], course);
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('warning:'))).toEqual([
      `warning: ${notebooks}/gather-basics.ipynb: cell 0: HTML in Markdown is shown as text (<b>)`,
      `warning: ${notebooks}/gather-basics.ipynb: cell 3: IPython magic or shell command commented out: %time`,
      `warning: ${notebooks}/gather-basics.ipynb: cell 4: an image (image/png) is not imported`,
      `warning: ${notebooks}/gather-basics.ipynb: cell 7: IPython magic or shell command commented out: !pip install nothing`,
    ]);
    expect(result.stdout).toContain('(4 warnings)');
    expect(readdirSync(course)).toEqual(['01-gather-basics']);

    const second = await runTool('import-notebook.ts', [`${notebooks}/no-ids.ipynb`, 'plain-cells'], course);
    expect(second.code).toBe(0);
    expect(readdirSync(course).sort()).toEqual(['01-gather-basics', '02-plain-cells']);

    const check = await runTool('check.ts', [], course);
    expect(check.stdout).toMatch(/^lessons:check: 7 passed, 0 failed \(2 files, /m);
    expect(check.code).toBe(0);
  });

  it('fails with the notebook and cell for malformed input, and writes nothing', async () => {
    const course = emptyCourse();
    const result = await runTool('import-notebook.ts', [`${notebooks}/malformed-cell.ipynb`], course);
    expect(result.stderr).toContain(`lesson:import: ${notebooks}/malformed-cell.ipynb: cell 1: field "outputs"`);
    expect(result.code).toBe(1);
    const kernel = await runTool('import-notebook.ts', [`${notebooks}/r-kernel.ipynb`], course);
    expect(kernel.stderr).toContain("only Python notebooks can be imported");
    expect(readdirSync(course)).toEqual([]);
  });

  it('derives the slug from the file name', () => {
    expect(slugFromFileName('some/dir/My Notebook (v2).ipynb')).toBe('my-notebook-v2');
  });
});
