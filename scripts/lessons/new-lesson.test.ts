// `npm run lesson:new`: the scaffold passes lessons:check as written (real Node kernel), and bad slugs are refused.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newLesson } from './new-lesson';
import { runTool } from './run-cli';

const courses: string[] = [];
function emptyCourse(): string {
  const course = mkdtempSync(path.join(tmpdir(), 'lesson-new-'));
  courses.push(course);
  return course;
}
afterEach(() => {
  for (const course of courses.splice(0)) rmSync(course, { recursive: true, force: true });
});

describe('npm run lesson:new', () => {
  it('scaffolds numbered lessons, each after the last, in English and Chinese, that lessons:check passes', { timeout: 120_000 }, async () => {
    const course = emptyCourse();
    const first = await runTool('new-lesson.ts', ['first-steps'], course);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const second = await runTool('new-lesson.ts', ['second-steps', '--zh'], course);
    expect(second.code).toBe(0);
    expect(readdirSync(course).sort()).toEqual(['01-first-steps', '02-second-steps']);
    expect(readdirSync(path.join(course, '02-second-steps')).sort()).toEqual(['index.mdx', 'index.zh.mdx']);
    const english = readFileSync(path.join(course, '02-second-steps/index.mdx'), 'utf8');
    expect(english).toMatch(/^---\nid: second-steps\n/);
    expect(english).toContain('prerequisites: [first-steps]');
    expect(readFileSync(path.join(course, '01-first-steps/index.mdx'), 'utf8')).toContain('prerequisites: []');

    const check = await runTool('check.ts', [], course);
    expect(check.stdout).toMatch(/^lessons:check: 6 passed, 0 failed \(3 files, /m);
    expect(check.stdout).not.toContain('warning');
    expect(check.code).toBe(0);
  });

  it('refuses a bad slug, a slug already used and an id already used, writing nothing', () => {
    const course = emptyCourse();
    newLesson(course, 'taken', { zh: false });
    expect(() => newLesson(course, 'Bad_Slug', { zh: false })).toThrow('slug "Bad_Slug": use lowercase letters, digits and dashes');
    expect(() => newLesson(course, '', { zh: false })).toThrow('name the lesson: give a slug such as my-lesson');
    expect(() => newLesson(course, 'taken', { zh: false })).toThrow(`a lesson with the slug "taken" already exists: ${path.join(course, '01-taken')}`);
    expect(existsSync(path.join(course, '02-taken'))).toBe(false);
  });

  it('refuses a slug that another folder uses as its id, and says so on the command line', async () => {
    const course = emptyCourse();
    newLesson(course, 'original', { zh: false });
    const file = path.join(course, '01-original/index.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('id: original', 'id: renamed'));
    const result = await runTool('new-lesson.ts', ['renamed'], course);
    expect(result.stderr).toContain(`lesson:new: a lesson with the id "renamed" already exists: ${path.join(course, '01-original')}`);
    expect(result.code).toBe(1);
  });
});
