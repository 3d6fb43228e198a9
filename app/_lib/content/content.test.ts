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

async function writeLesson(folder: string, source: string): Promise<string> {
  const file = path.join(root, folder, 'index.mdx');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, source);
  return file;
}

const frontmatter = (id: string) => `---\nid: ${id}\ntitle: Title ${id}\nsummary: Summary of ${id}.\n---\n`;

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
    await expect(readLessonIndex(root)).rejects.toThrow(/01-broken[/\\]index\.mdx: invalid frontmatter: field "id": .*; field "summary"/);
  });

  it('refuses two lessons with the same id, naming both files', async () => {
    await writeLesson('01-a', frontmatter('same'));
    await writeLesson('02-b', frontmatter('same'));
    await expect(readLessonIndex(root)).rejects.toThrow(/02-b[/\\]index\.mdx: lesson id "same" is already used by .*01-a/);
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
      { kind: 'code', id: 'one' },
      { kind: 'markdown', source: '\n\nMiddle.\n\n' },
      { kind: 'code', id: 'two' },
    ]);
  });

  it('fails with the file and line of an MDX syntax error', async () => {
    const file = await writeLesson('01-broken', `${frontmatter('broken')}\nFine line.\n\nA <broken tag\n`);
    await expect(compileLessonFile(file, 'content/01-broken/index.mdx')).rejects.toThrow(
      /content\/01-broken\/index\.mdx:9:\d+: Unexpected end of file/,
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
      'content/02-limit/index.mdx:7: cell "slow": timeout must be a number of seconds from 1 to 600, not "forever"',
    );
  });

  it('fails with the file and line when two cells share an id', async () => {
    const file = await writeLesson(
      '01-dupe',
      `${frontmatter('dupe')}\n\`\`\`python id=same\n1\n\`\`\`\n\n\`\`\`python id=same\n2\n\`\`\`\n`,
    );
    await expect(compileLessonFile(file, 'content/01-dupe/index.mdx')).rejects.toThrow(
      /^MDX compile failed:\ncontent\/01-dupe\/index\.mdx:11: cell id "same" is already used on line 7$/,
    );
  });
});
