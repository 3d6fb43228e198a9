// `npm run lessons:check` end to end: the real CLI on the fixture courses, in the real Node kernel.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonFiles, parseArguments, selectLessons } from './select-lessons';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const fixtures = 'scripts/lessons/fixtures';

type CliResult = { code: number; stdout: string; stderr: string };

function lessonsCheck(course: string, args: string[] = []): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      path.join(projectRoot, 'node_modules/.bin/tsx'),
      ['scripts/lessons/check.ts', ...args],
      { cwd: projectRoot, env: { ...process.env, AWAITABLE_CONTENT_DIR: path.join(fixtures, course), AWAITABLE_LESSONS_ALLOW_NO_SERVER: '' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const bad = `${fixtures}/bad/01-mistakes/index.mdx`;

describe('npm run lessons:check', () => {
  it('passes a course whose outputs, errors, time limits and exercises are right', { timeout: 120_000 }, async () => {
    const result = await lessonsCheck('good');
    expect(result.stdout).toMatch(/^lessons:check: 9 passed, 0 failed \(2 files, [\d.]+ s\)$/m);
    expect(result.stdout).toMatch(/^ {2}scripts\/lessons\/fixtures\/good\/01-basics\/index\.mdx: 6 passed, 0 failed \([\d.]+ s(; slowest: [^)]*)?\)$/m);
    expect(result.stdout).toContain(`warning: ${fixtures}/good/01-basics/index.mdx:81: cell cell-6: give the cell a stable id=`);
    expect(result.code).toBe(0);
  });

  it('reports each mistake by file, line and cell or exercise id, and exits 1', { timeout: 120_000 }, async () => {
    const result = await lessonsCheck('bad');
    const lines = result.stdout.split('\n');
    const failures = lines.filter((line) => /^scripts\/\S+:\d+: /.test(line));
    expect(failures).toEqual([
      `${fixtures}/bad/02-broken/index.mdx:1: course: field "prerequisites.1": no lesson has the id "nowhere" (known: mistakes, broken, translated)`,
      `${fixtures}/bad/02-broken/index.mdx:13: lesson: an \`\`\`output block must come right after a \`\`\`python cell (nothing between them)`,
      `${bad}:15: cell greet: output differs from the expected block`,
      `${bad}:20: cell divide: raised ZeroDivisionError: division by zero (add expect=error if that is the point)`,
      `${bad}:24: cell calm: expected an exception (expect=error), but the cell raised none`,
      `${bad}:35: exercise too-easy: the starter passes its check: the check must fail until the exercise is solved`,
      `${bad}:56: exercise wrong-solution: the solution fails its check: AssertionError: twice(2) should be 4`,
      `${bad}:83: exercise raising-solution: the solution raised ValueError: invalid literal for int() with base 10: 'one'`,
      `${bad}:90: cell endless: ran past its time limit of 1 s (add expect=error if the cell shows the limit)`,
      `${fixtures}/bad/03-translated/index.zh.mdx:1: lesson: ids differ from the English lesson (missing cell two; not in index.mdx: cell deux)`,
    ].sort((a, b) => lines.indexOf(a) - lines.indexOf(b)));
    // The output mismatch shows both sides and where they part.
    expect(result.stdout).toContain('  expected:\n    | hello\n    | goodbye\n  actual:\n    | hello\n    | world\n  first difference at output line 2: expected "goodbye", got "world"');
    // A failing cell does not stop the lesson: the last cell still ran and passed.
    expect(result.stdout).toContain(`  ${bad}: 1 passed, 7 failed`);
    expect(result.stdout).toMatch(/^lessons:check: 5 passed, 10 failed \(4 files, [\d.]+ s\)$/m);
    expect(result.code).toBe(1);
  });

  it('checks only the lessons named', { timeout: 60_000 }, async () => {
    const bySlug = await lessonsCheck('bad', ['broken']);
    expect(bySlug.stdout).toMatch(/^lessons:check: 0 passed, 2 failed \(1 file, /m);
    expect(bySlug.stdout).not.toContain('01-mistakes');
  });

  it('refuses an unknown lesson or option, listing the lessons', async () => {
    const unknown = await lessonsCheck('bad', ['no-such-lesson']);
    expect(unknown.stderr).toContain('lessons:check: no lesson matches "no-such-lesson" (lessons: mistakes, broken, translated)');
    expect(unknown.code).toBe(2);
    const option = await lessonsCheck('bad', ['--lang', 'fr']);
    expect(option.stderr).toContain('--lang takes en or zh, not "fr"');
  });
});

describe('choosing lessons', () => {
  const all = lessonFiles(path.join(projectRoot, fixtures, 'bad'));
  const chosen = (selectors: string[], language?: 'en' | 'zh') => selectLessons(all, selectors, language).files.map((file) => file.displayPath);

  it('lists every lesson file in course order, English first', () => {
    expect(all.map((file) => `${file.folder} ${file.language}`)).toEqual(['01-mistakes en', '02-broken en', '03-translated en', '03-translated zh']);
  });

  it('takes a slug, a folder name, a folder path or a file, optionally in one language', () => {
    const translated = [`${fixtures}/bad/03-translated/index.mdx`, `${fixtures}/bad/03-translated/index.zh.mdx`];
    expect(chosen(['translated'])).toEqual(translated);
    expect(chosen(['03-translated'])).toEqual(translated);
    expect(chosen([`${fixtures}/bad/03-translated/`])).toEqual(translated);
    expect(chosen([`${fixtures}/bad/03-translated/index.zh.mdx`])).toEqual([translated[1]]);
    expect(chosen(['translated', 'mistakes'], 'zh')).toEqual([translated[1]]);
    expect(chosen([], 'en')).toHaveLength(3);
  });

  it('reads options', () => {
    expect(parseArguments(['await', '--lang', 'zh', '--jobs=1'])).toEqual({ selectors: ['await'], language: 'zh', jobs: 1 });
    expect(() => parseArguments(['--jobs', 'many'])).toThrow('--jobs takes a whole number from 1 to 8, not "many"');
    expect(() => parseArguments(['--fast'])).toThrow('unknown option --fast');
  });
});
