// Notebook -> MDX: what becomes prose, cells and expected outputs, and what is reported.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNotebook } from './ipynb-schema';
import { escapeMdxProse, notebookToMdx } from './ipynb-to-mdx';

const fixtures = path.join(import.meta.dirname, 'fixtures/notebooks');
const load = (name: string) => parseNotebook(readFileSync(path.join(fixtures, name), 'utf8'), name);
const convert = (name: string) => notebookToMdx(load(name), { id: 'imported', notebookName: name, previousId: 'before' });

describe('notebookToMdx', () => {
  it('derives the frontmatter from the first heading, the paragraph after it and the ## headings', () => {
    const { mdx } = convert('gather-basics.ipynb');
    expect(mdx.startsWith([
      '---',
      'id: imported',
      'title: "Gathering coroutines"',
      'summary: "Run several coroutines at once with asyncio.gather; a dict like {\\"a\\": 1} and a <b>tag</b> stay text."',
      'objectives:',
      '  - "Order of results"',
      '  - "When a coroutine raises"',
      'minutes: 15',
      'prerequisites: [before]',
      '---',
    ].join('\n'))).toBe(true);
    // The title heading becomes the page title, not a second heading in the body.
    expect(mdx).not.toContain('# Gathering coroutines');
  });

  it('turns code cells into cells with the notebook ids and their text outputs into output blocks', () => {
    const { mdx } = convert('gather-basics.ipynb');
    expect(mdx).toContain('```python id=gather-two\n# (not supported here) %time\nprint("start")\nawait asyncio.gather(work("slow", 0.02), work("fast", 0.01))\n```\n\n```output\nstart\n[\'slow\', \'fast\']\n```');
    expect(mdx).toContain('```python id=boom expect=error\n');
    expect(mdx).toContain('```output\nbefore\n...\nValueError: no good\n```');
    expect(mdx).not.toContain('\u001b');
  });

  it('escapes MDX-hostile prose but leaves code alone, and never runs a fence from Markdown', () => {
    const { mdx } = convert('gather-basics.ipynb');
    expect(mdx).toContain('a dict like \\{"a": 1\\} and a \\<b>tag\\</b> stay text.');
    expect(mdx).toContain('`asyncio.gather`');
    expect(mdx).toContain('```text\nprint("shown, not run")\n```');
  });

  it('reports HTML in Markdown, images, magics and shell escapes with their cell index, and marks them in the lesson', () => {
    const { mdx, warnings } = convert('gather-basics.ipynb');
    expect(warnings).toEqual([
      { cell: 0, message: 'HTML in Markdown is shown as text (<b>)' },
      { cell: 3, message: 'IPython magic or shell command commented out: %time' },
      { cell: 4, message: 'an image (image/png) is not imported' },
      { cell: 7, message: 'IPython magic or shell command commented out: !pip install nothing' },
    ]);
    expect(mdx).toContain('{/* import: cell 4 also showed an image (image/png), not imported */}');
    expect(mdx).toContain('# (not supported here) !pip install nothing\ntotal');
  });

  it('names cells cell-N without nbformat 4.5 ids, keeps stderr, skips empty cells and reports raw ones', () => {
    const { mdx, warnings } = convert('no-ids.ipynb');
    expect(mdx).toContain('title: "imported"');
    expect(mdx).toContain('summary: "Just prose, no heading."');
    expect(mdx).toContain('```python id=cell-1\nprint(\'one\')\n```\n\n```output\none\n```');
    expect(mdx).toContain('```python id=cell-3\nimport sys\nprint(\'two\', file=sys.stderr)\n```\n\n```output\ntwo\n```');
    expect(mdx).not.toContain('id=cell-2');
    expect(warnings).toEqual([
      { cell: 4, message: 'a raw cell is not imported' },
      { cell: 5, message: 'an image link (loop.png): put the file beside the lesson or link it by URL' },
    ]);
    expect(mdx).toContain('{/* import: cell 4 was a raw cell, not imported */}');
  });

  it('reports HTML and widget outputs', () => {
    const notebook = load('no-ids.ipynb');
    notebook.cells = [
      { cell_type: 'code', id: 'html', source: 'x', outputs: [{ output_type: 'display_data', data: { 'text/html': '<b>x</b>', 'text/plain': 'x' } }] },
      { cell_type: 'code', id: 'w', source: 'y', outputs: [{ output_type: 'display_data', data: { 'application/vnd.jupyter.widget-view+json': {}, 'text/plain': 'IntSlider()' } }] },
    ];
    const { warnings, mdx } = notebookToMdx(notebook, { id: 'x', notebookName: 'n.ipynb', previousId: undefined });
    expect(warnings.map((warning) => warning.message)).toEqual([
      'HTML output (text/html) is not imported',
      'a widget (application/vnd.jupyter.widget-view+json) is not imported',
    ]);
    // A display() shows nothing in our kernel, so it is no expected output.
    expect(mdx).not.toContain('```output');
  });
});

describe('escapeMdxProse', () => {
  it('escapes braces and angle brackets outside code spans and fences only', () => {
    expect(escapeMdxProse('a {b} <c> `{d} <e>`\n```\n{f} <g>\n```\nh < i')).toBe('a \\{b\\} \\<c> `{d} <e>`\n```\n{f} <g>\n```\nh \\< i');
  });
});

describe('parseNotebook', () => {
  it('names the notebook and the cell index of a malformed cell', () => {
    expect(() => load('malformed-cell.ipynb')).toThrow('malformed-cell.ipynb: cell 1: field "outputs": Invalid input: expected array, received undefined');
  });

  it('refuses a kernel other than Python', () => {
    expect(() => load('r-kernel.ipynb')).toThrow("r-kernel.ipynb: the notebook's kernel is R (ir); only Python notebooks can be imported");
  });

  it('refuses other nbformat versions and text that is not JSON', () => {
    expect(() => parseNotebook('{"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "cells": []}', 'old.ipynb')).toThrow('old.ipynb: not an nbformat 4 notebook: field "nbformat": only nbformat 4 notebooks can be imported');
    expect(() => parseNotebook('not json', 'x.ipynb')).toThrow(/^x\.ipynb: not a JSON notebook: /);
  });
});
