import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getMDXComponent } from 'mdx-bundler/client';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileLessonFile } from './compile-mdx';
import { readLessonIndex } from './lesson-index';

let root: string;

async function writeLesson(folder: string, source: string, name = 'index.mdx'): Promise<string> {
  const file = path.join(root, folder, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, source);
  return file;
}

const frontmatter = (id: string, extra = '') =>
  `---\nid: ${id}\ntitle: Title ${id}\nsummary: Summary of ${id}.\nobjectives:\n  - one thing\nminutes: 10\n${extra}---\n`;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'awaitable-content-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the lesson index', () => {
  it('lists lessons in folder order with slugs taken from the folder name', async () => {
    await writeLesson('02-second', frontmatter('second-id'));
    await writeLesson('01-first', frontmatter('first-id'));
    await mkdir(path.join(root, 'not-a-lesson'));
    const lessons = await readLessonIndex(root);
    expect(lessons.map((lesson) => [lesson.slug, lesson.id, lesson.title])).toEqual([
      ['first', 'first-id', 'Title first-id'],
      ['second', 'second-id', 'Title second-id'],
    ]);
  });

  it('names the file and the field when frontmatter is wrong', async () => {
    await writeLesson('01-broken', '---\nid: Not Valid\ntitle: x\n---\n');
    await expect(readLessonIndex(root)).rejects.toThrow(/01-broken[/\\]index\.mdx:2: invalid frontmatter: field "id": .*; field "summary"/);
  });

  it('refuses two lessons with the same id, naming both files', async () => {
    await writeLesson('01-a', frontmatter('same'));
    await writeLesson('02-b', frontmatter('same'));
    await expect(readLessonIndex(root)).rejects.toThrow(/02-b[/\\]index\.mdx: lesson id "same" is already used by .*01-a/);
  });
});

describe('lesson frontmatter', () => {
  const lesson = (fields: string) => `---\nid: x\ntitle: X\nsummary: S.\n${fields}---\n`;

  it('reads objectives, minutes and prerequisites (which may be left out)', async () => {
    await writeLesson('01-first', frontmatter('first'));
    await writeLesson('02-second', frontmatter('second', 'prerequisites: [first]\n'));
    const [first, second] = await readLessonIndex(root);
    expect(first).toMatchObject({ objectives: ['one thing'], minutes: 10, prerequisites: [] });
    expect(second?.prerequisites).toEqual(['first']);
  });

  it.each([
    ['no objectives', 'minutes: 5\n', 'field "objectives": Invalid input: expected array'],
    ['an empty list of objectives', 'objectives: []\nminutes: 5\n', 'field "objectives": Too small'],
    ['seven objectives', `objectives: [a, b, c, d, e, f, g]\nminutes: 5\n`, 'field "objectives": Too big'],
    ['an empty objective', 'objectives: ["  "]\nminutes: 5\n', 'field "objectives.0": an objective cannot be empty'],
    ['no minutes', 'objectives: [a]\n', 'field "minutes": Invalid input: expected number'],
    ['zero minutes', 'objectives: [a]\nminutes: 0\n', 'field "minutes": Too small'],
    ['241 minutes', 'objectives: [a]\nminutes: 241\n', 'field "minutes": Too big'],
    ['minutes as text', 'objectives: [a]\nminutes: "ten"\n', 'field "minutes": Invalid input: expected number'],
    ['a prerequisite that is not an id', 'objectives: [a]\nminutes: 5\nprerequisites: [Not An Id]\n', 'field "prerequisites.0": use lowercase'],
  ])('refuses %s, naming the file and the field', async (_name, fields, message) => {
    await writeLesson('01-bad', lesson(fields));
    const error = await readLessonIndex(root).then(() => null, (reason: unknown) => reason);
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toMatch(/01-bad[/\\]index\.mdx:\d+: invalid frontmatter: /);
    expect(String(error)).toContain(message);
  });

  it('refuses a prerequisite no lesson has, naming the file and the field', async () => {
    await writeLesson('01-first', frontmatter('first'));
    await writeLesson('02-second', frontmatter('second', 'prerequisites: [first, frist]\n'));
    await expect(readLessonIndex(root)).rejects.toThrow(/02-second[/\\]index\.mdx: field "prerequisites\.1": no lesson has the id "frist" \(known: first, second\)/);
  });

  it('names a YAML mistake with the file', async () => {
    await writeLesson('01-yaml', '---\nid: yaml\nobjectives:\n  - the protocol: `__await__` returns\n---\n');
    await expect(readLessonIndex(root)).rejects.toThrow(/01-yaml[/\\]index\.mdx: invalid frontmatter YAML/);
  });
});

describe('translations', () => {
  it('lists the Chinese course, in English where a lesson has no translation', async () => {
    await writeLesson('01-first', frontmatter('first'));
    await writeLesson('01-first', frontmatter('first').replace('Title first', '第一课'), 'index.zh.mdx');
    await writeLesson('02-second', frontmatter('second'));
    const english = await readLessonIndex(root, 'en');
    const chinese = await readLessonIndex(root, 'zh');
    expect(english.map((lesson) => [lesson.title, lesson.language, lesson.languages])).toEqual([
      ['Title first', 'en', ['en', 'zh']],
      ['Title second', 'en', ['en']],
    ]);
    expect(chinese.map((lesson) => [lesson.title, lesson.language, path.basename(lesson.file)])).toEqual([
      ['第一课', 'zh', 'index.zh.mdx'],
      ['Title second', 'en', 'index.mdx'],
    ]);
  });

  it('refuses a translation whose id differs from its lesson', async () => {
    await writeLesson('01-first', frontmatter('first'));
    await writeLesson('01-first', frontmatter('premier'), 'index.zh.mdx');
    await expect(readLessonIndex(root, 'en')).rejects.toThrow(
      /01-first[/\\]index\.zh\.mdx: field "id": "premier" differs from "first" in .*01-first[/\\]index\.mdx/,
    );
  });

  it('refuses a folder with only a translation', async () => {
    await writeLesson('01-first', frontmatter('first'), 'index.zh.mdx');
    await expect(readLessonIndex(root)).rejects.toThrow(/01-first: lesson folder has no index\.mdx/);
  });
});

describe('compiling a lesson', () => {
  it('turns python fences into cells with stable ids and keeps other fences as code', async () => {
    const file = await writeLesson(
      '01-cells',
      `${frontmatter('cells')}\n\`\`\`python id=hello\nprint("hi")\n\`\`\`\n\n\`\`\`py\nx = 1\n\`\`\`\n\n\`\`\`text\nnot a cell\n\`\`\`\n`,
    );
    const { code } = await compileLessonFile(file, 'content/01-cells/index.mdx');
    const Content = getMDXComponent(code);
    const Cell = ({ id, code: source }: { id: string; code: string }) =>
      createElement('cell', { 'data-id': id }, source);
    const html = renderToStaticMarkup(createElement(Content, { components: { Cell } }));
    expect(html).toContain('<cell data-id="hello">print(&quot;hi&quot;)</cell>');
    expect(html).toContain('<cell data-id="cell-2">x = 1</cell>');
    expect(html).toContain('<pre><code class="language-text">not a cell');
  });

  it('outlines the lesson as prose and cells in order, without the frontmatter', async () => {
    const file = await writeLesson(
      '01-outline',
      `${frontmatter('outline')}\nIntro.\n\n\`\`\`python id=one\n1\n\`\`\`\n\nMiddle.\n\n\`\`\`python id=two\n2\n\`\`\`\n`,
    );
    const { outline } = await compileLessonFile(file, 'content/01-outline/index.mdx');
    expect(outline).toEqual([
      { kind: 'markdown', source: '\nIntro.\n\n' },
      { kind: 'code', id: 'one', source: '1' },
      { kind: 'markdown', source: '\n\nMiddle.\n\n' },
      { kind: 'code', id: 'two', source: '2' },
    ]);
  });

  it('fails with the file and line of an MDX syntax error', async () => {
    const file = await writeLesson('01-broken', `${frontmatter('broken')}\nFine line.\n\nA <broken tag\n`);
    await expect(compileLessonFile(file, 'content/01-broken/index.mdx')).rejects.toThrow(
      /content\/01-broken\/index\.mdx:12:\d+: Unexpected end of file/,
    );
  });

  it('passes a time limit from the fence to the cell, and refuses a bad one with file and line', async () => {
    const good = await writeLesson('01-limit', `${frontmatter('limit')}\n\`\`\`python id=slow timeout=5s\nwhile True: pass\n\`\`\`\n`);
    const { code } = await compileLessonFile(good, 'content/01-limit/index.mdx');
    const Cell = ({ id, timeout }: { id: string; timeout?: string }) => createElement('cell', { 'data-id': id, 'data-timeout': timeout });
    const html = renderToStaticMarkup(createElement(getMDXComponent(code), { components: { Cell } }));
    expect(html).toContain('<cell data-id="slow" data-timeout="5"></cell>');

    const bad = await writeLesson('02-limit', `${frontmatter('bad-limit')}\n\`\`\`python id=slow timeout=forever\n1\n\`\`\`\n`);
    await expect(compileLessonFile(bad, 'content/02-limit/index.mdx')).rejects.toThrow(
      'content/02-limit/index.mdx:10: cell "slow": timeout must be a number of seconds from 1 to 600, not "forever"',
    );
  });

  it('fails with the file and line when two cells share an id', async () => {
    const file = await writeLesson(
      '01-dupe',
      `${frontmatter('dupe')}\n\`\`\`python id=same\n1\n\`\`\`\n\n\`\`\`python id=same\n2\n\`\`\`\n`,
    );
    await expect(compileLessonFile(file, 'content/01-dupe/index.mdx')).rejects.toThrow(
      /^MDX compile failed:\ncontent\/01-dupe\/index\.mdx:14: cell id "same" is already used on line 10$/,
    );
  });
});
