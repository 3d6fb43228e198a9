// The `trace` fence meta: a lesson can open a cell with its Trace toggle on; mistakes name the line.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getMDXComponent } from 'mdx-bundler/client';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileLessonFile } from './compile-mdx';

let root: string;
let counter = 0;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'awaitable-trace-meta-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const display = 'content/04-x/index.mdx';
const head = '---\nid: x\ntitle: X\nsummary: S.\n---\n';
const fence = (meta: string, code: string) => `\`\`\`${meta}\n${code}\n\`\`\`\n`;

async function compile(body: string) {
  counter += 1;
  const file = path.join(root, `lesson-${counter}.mdx`);
  await writeFile(file, head + body);
  return compileLessonFile(file, display);
}

async function cellProps(body: string): Promise<Record<string, unknown>[]> {
  const { code } = await compile(body);
  const seen: Record<string, unknown>[] = [];
  const Cell = (props: Record<string, unknown>) => {
    seen.push(props);
    return null;
  };
  renderToStaticMarkup(createElement(getMDXComponent(code), { components: { Cell } }));
  return seen;
}

describe('the trace fence meta', () => {
  it('passes trace="true" to the cell, and nothing without it', async () => {
    const props = await cellProps(`${fence('python id=a trace', 'import asyncio')}\n${fence('python id=b', '1')}`);
    expect(props).toEqual([
      { id: 'a', code: 'import asyncio', trace: 'true' },
      { id: 'b', code: '1' },
    ]);
  });

  it.each([
    ['a value', fence('python id=a trace=yes', '1'), `${display}:6: cell "a": write \`trace\` bare, without a value`],
    ['a server cell', fence('python id=a kernel=server trace', '1'), `${display}:6: cell "a": \`trace\` is only for cells in the page's kernel`],
  ])('refuses trace with %s, naming file and line', async (_name, body, message) => {
    await expect(compile(body)).rejects.toThrow(message);
  });
});
