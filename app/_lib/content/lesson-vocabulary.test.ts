// The lesson vocabulary (docs/AUTHORING.md) through the real MDX pipeline: what the page's
// components receive, the model lessons:check runs, the notebook outline, and build errors.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getMDXComponent } from 'mdx-bundler/client';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileLessonFile } from './compile-mdx';

let root: string;
let counter = 0;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'awaitable-vocabulary-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const display = 'content/07-x/index.mdx';
/** Five lines of frontmatter, so the body starts on line 6. */
const head = '---\nid: x\ntitle: X\nsummary: S.\n---\n';

async function compile(body: string) {
  counter += 1;
  const file = path.join(root, `lesson-${counter}.mdx`);
  await writeFile(file, head + body);
  return compileLessonFile(file, display);
}

type Seen = { name: string; props: Record<string, unknown> };

/** Renders the lesson with components that record their props (children aside). */
async function render(body: string): Promise<{ seen: Seen[]; html: string }> {
  const { code } = await compile(body);
  const seen: Seen[] = [];
  const record = (name: string) =>
    function Recorded({ children, ...props }: { children?: ReactNode } & Record<string, unknown>) {
      seen.push({ name, props });
      return createElement(`x-${name.toLowerCase()}`, null, children);
    };
  const names = ['Cell', 'ExpectedOutput', 'Exercise', 'Hint', 'Solution', 'Quiz', 'Choice', 'Explanation', 'Callout', 'Recap'];
  const components = Object.fromEntries(names.map((name) => [name, record(name)]));
  const html = renderToStaticMarkup(createElement(getMDXComponent(code), { components }));
  return { seen, html };
}

const fence = (meta: string, code: string) => `\`\`\`${meta}\n${code}\n\`\`\`\n`;

const exercise = (inner: string, attributes = 'id="ex" title="Do it"') =>
  `<Exercise ${attributes}>\n\nThe task.\n\n${inner}\n</Exercise>\n`;
const starter = fence('python starter', 'def f(): ...');
const check = fence('python check', 'assert f() == 1, "f() should return 1"');
const solution = `<Solution>\n\nLike this:\n\n${fence('python', 'def f(): return 1')}\n</Solution>\n`;

describe('cells', () => {
  it('passes kernel, setup and expect from the fence to the cell and the model', async () => {
    const body = `${fence('python id=prep kernel=server setup timeout=5', 'import threading')}\n${fence('python id=boom expect=error', '1/0')}`;
    const { seen } = await render(body);
    expect(seen).toEqual([
      { name: 'Cell', props: { id: 'prep', code: 'import threading', timeout: '5', kernel: 'server', setup: 'true' } },
      { name: 'Cell', props: { id: 'boom', code: '1/0', expect: 'error' } },
    ]);
    const { model } = await compile(body);
    expect(model.items).toEqual([
      { kind: 'cell', id: 'prep', idGiven: true, code: 'import threading', line: 6, timeoutSeconds: 5, kernel: 'server', setup: true, expectError: false, expected: undefined },
      { kind: 'cell', id: 'boom', idGiven: true, code: '1/0', line: 10, timeoutSeconds: undefined, kernel: 'browser', setup: false, expectError: true, expected: undefined },
    ]);
  });

  it('turns an output fence right after a cell into ExpectedOutput, with its line in the model', async () => {
    const body = `${fence('python id=hi', 'print("hi")')}\n${fence('output', 'hi\n...')}`;
    const { seen, html } = await render(body);
    expect(seen).toEqual([
      { name: 'Cell', props: { id: 'hi', code: 'print("hi")' } },
      { name: 'ExpectedOutput', props: { cellId: 'hi', text: 'hi\n...' } },
    ]);
    expect(html).not.toContain('<pre>');
    const { model, outline } = await compile(body);
    expect(model.items[0]).toMatchObject({ id: 'hi', expected: { text: 'hi\n...', line: 10 } });
    // An exported notebook shows the learner's own output, not the lesson's.
    expect(outline).toEqual([{ kind: 'code', id: 'hi', source: 'print("hi")' }]);
  });

  it.each([
    ['an output fence after prose', `${fence('python id=a', '1')}\nSome prose.\n\n${fence('output', '1')}`, `${display}:12: an \`\`\`output block must come right after a \`\`\`python cell`],
    ['an output fence first', fence('output', '1'), `${display}:6: an \`\`\`output block must come right after`],
    ['a second output fence', `${fence('python id=a', '1')}\n${fence('output', '1')}\n${fence('output', '1')}`, `${display}:14: an \`\`\`output block`],
    ['an unknown fence option', fence('python id=a kernal=server', '1'), `${display}:6: cell "a": unknown fence option "kernal"`],
    ['setup without kernel=server', fence('python id=a setup', '1'), `${display}:6: cell "a": \`setup\` is only for server cells: add kernel=server`],
    ['expect other than error', fence('python id=a expect=raise', '1'), `${display}:6: cell "a": expect must be "error", not "raise"`],
    ['a kernel other than server', fence('python id=a kernel=gpu', '1'), `${display}:6: cell "a": kernel must be "server"`],
    ['a starter fence outside an exercise', fence('python id=a starter', '1'), `${display}:6: cell "a": a \`starter\` fence belongs directly inside an <Exercise>`],
  ])('refuses %s with file and line', async (_name, body, message) => {
    await expect(compile(body)).rejects.toThrow(message);
  });
});

describe('exercises', () => {
  it('gives Exercise its starter, check and timeout, and Solution its code; prose and hints stay', async () => {
    const body = exercise(`${fence('python starter timeout=10', 'def f(): ...')}\n${check}\n<Hint>Return one.</Hint>\n\n${solution}`);
    const { seen, html } = await render(body);
    expect(seen.map((item) => item.name)).toEqual(['Exercise', 'Hint', 'Solution']);
    expect(seen[0]?.props).toEqual({ id: 'ex', title: 'Do it', timeout: '10', starter: 'def f(): ...', check: 'assert f() == 1, "f() should return 1"' });
    expect(seen[2]?.props).toEqual({ code: 'def f(): return 1' });
    expect(html).toContain('The task.');
    expect(html).toContain('<x-hint>Return one.</x-hint>');
    expect(html).toContain('Like this:');
    expect(html).not.toContain('assert f()');
    expect(html).not.toContain('x-cell');
  });

  it('shows code in a hint as plain code, not as a cell to run', async () => {
    const body = exercise(`${starter}\n${check}\n<Hint>\n\nTry:\n\n${fence('python', 'return 1')}\n</Hint>\n\n${solution}`);
    const { html } = await render(body);
    expect(html).toContain('<x-hint><p>Try:</p><pre><code class="language-python">return 1\n</code></pre></x-hint>');
    const { model } = await compile(body);
    expect(model.items.map((item) => item.id)).toEqual(['ex']);
  });

  it('puts the exercise in the model at its place, and its id in exerciseIds', async () => {
    const body = `${fence('python id=before', '1')}\n${exercise(`${starter}\n${check}\n${solution}`)}\n${fence('python id=after', '2')}`;
    const { model, exerciseIds } = await compile(body);
    expect(exerciseIds).toEqual(['ex']);
    expect(model.items.map((item) => `${item.kind} ${item.id} @${item.line}`)).toEqual(['cell before @6', 'exercise ex @10', 'cell after @34']);
    expect(model.items[1]).toMatchObject({
      title: 'Do it',
      starter: { code: 'def f(): ...', line: 14 },
      check: { code: 'assert f() == 1, "f() should return 1"', line: 18 },
      solution: { code: 'def f(): return 1', line: 26 },
    });
  });

  it('exports the task and the starter to the notebook, never the check, hints or solution', async () => {
    const body = `Intro.\n\n${exercise(`${starter}\n${check}\n<Hint>Return one.</Hint>\n\n${solution}`)}\nAfter.\n`;
    const { outline } = await compile(body);
    expect(outline).toEqual([
      { kind: 'markdown', source: 'Intro.\n\n' },
      { kind: 'markdown', source: '**Exercise: Do it**\n\nThe task.\n' },
      { kind: 'code', id: 'ex', source: 'def f(): ...' },
      { kind: 'markdown', source: '\n\nAfter.\n' },
    ]);
  });

  it.each([
    ['no starter', exercise(`${check}\n${solution}`), `${display}:6: <Exercise id="ex">: missing its \`\`\`python starter fence`],
    ['no check', exercise(`${starter}\n${solution}`), `${display}:6: <Exercise id="ex">: missing its \`\`\`python check fence`],
    ['no solution', exercise(`${starter}\n${check}`), `${display}:6: <Exercise id="ex">: missing its <Solution>`],
    ['a solution without code', exercise(`${starter}\n${check}\n<Solution>\n\nJust prose.\n\n</Solution>\n`), `${display}:6: <Exercise id="ex">: its <Solution> must hold exactly one \`\`\`python fence, found 0`],
    ['an unmarked python fence', exercise(`${starter}\n${fence('python', 'x = 1')}\n${check}\n${solution}`), `${display}:6: <Exercise id="ex">: the python fence on line 14 must be marked either \`starter\` or \`check\``],
    ['two starters', exercise(`${starter}\n${starter}\n${check}\n${solution}`), `${display}:6: <Exercise id="ex">: a second \`starter\` fence on line 14 (the first is on line 10)`],
    ['no title', exercise(`${starter}\n${check}\n${solution}`, 'id="ex"'), `${display}:6: <Exercise id="ex">: field "title": is required`],
    ['a bad timeout', exercise(`${starter}\n${check}\n${solution}`, 'id="ex" title="T" timeout="soon"'), `${display}:6: <Exercise id="ex">: field "timeout": must be a number of seconds from 1 to 600, not "soon"`],
    ['an id a cell already has', `${fence('python id=ex', '1')}\n${exercise(`${starter}\n${check}\n${solution}`)}`, `${display}:10: exercise id "ex" is already used by a cell on line 6`],
  ])('refuses an exercise with %s, naming file and line', async (_name, body, message) => {
    await expect(compile(body)).rejects.toThrow(message);
  });
});

describe('quizzes, callouts, hints', () => {
  const quiz = (choices: string, attributes = 'id="q" question="Which?"') => `<Quiz ${attributes}>\n${choices}\n</Quiz>\n`;

  it('passes a valid quiz and callout through unchanged and records the quiz id', async () => {
    const body = `${quiz('  <Choice>One</Choice>\n  <Choice correct>Two</Choice>\n  <Explanation>Because.</Explanation>')}\n<Callout kind="misconception" title="Not time-sliced">Text.</Callout>\n\n<Recap>\n\n- Done.\n\n</Recap>\n`;
    const { seen } = await render(body);
    expect(seen).toEqual([
      { name: 'Quiz', props: { id: 'q', question: 'Which?' } },
      { name: 'Choice', props: {} },
      { name: 'Choice', props: { correct: true } },
      { name: 'Explanation', props: {} },
      { name: 'Callout', props: { kind: 'misconception', title: 'Not time-sliced' } },
      { name: 'Recap', props: {} },
    ]);
    expect((await compile(body)).model.quizIds).toEqual(['q']);
  });

  it.each([
    ['a quiz without a question', quiz('<Choice>A</Choice>\n<Choice correct>B</Choice>', 'id="q"'), `${display}:6: <Quiz id="q">: field "question": is required`],
    ['a quiz without an id', quiz('<Choice>A</Choice>\n<Choice correct>B</Choice>', 'question="Q?"'), `${display}:6: <Quiz>: field "id": is required`],
    ['a quiz with no correct choice', quiz('<Choice>A</Choice>\n<Choice>B</Choice>'), `${display}:6: <Quiz id="q">: exactly one <Choice> must be marked correct, found 0`],
    ['a quiz with two correct choices', quiz('<Choice correct>A</Choice>\n<Choice correct>B</Choice>'), `${display}:6: <Quiz id="q">: exactly one <Choice> must be marked correct, found 2`],
    ['a quiz with one choice', quiz('<Choice correct>A</Choice>'), `${display}:6: <Quiz id="q">: needs at least two <Choice> elements, found 1`],
    ['correct with a value', quiz('<Choice>A</Choice>\n<Choice correct="yes">B</Choice>'), `${display}:8: <Choice>: field "correct": write it bare (<Choice correct>), without a value`],
    ['a quiz id a cell already has', `${fence('python id=q', '1')}\n${quiz('<Choice>A</Choice>\n<Choice correct>B</Choice>')}`, `${display}:10: quiz id "q" is already used by a cell on line 6`],
    ['a choice outside a quiz', '<Choice correct>A</Choice>\n', `${display}:6: <Choice>: belongs directly inside <Quiz>`],
    ['a callout without a kind', '<Callout>Text.</Callout>\n', `${display}:6: <Callout>: field "kind": is required`],
    ['a callout of an unknown kind', '<Callout kind="danger">Text.</Callout>\n', `${display}:6: <Callout>: field "kind": must be one of misconception, note, tip, warning, not "danger"`],
    ['a callout with an unknown prop', '<Callout kind="tip" heading="H">Text.</Callout>\n', `${display}:6: <Callout>: field "heading": <Callout> has no such prop (known: kind, title)`],
    ['a hint outside an exercise', 'Prose.\n\n<Hint>Psst.</Hint>\n', `${display}:8: <Hint>: belongs directly inside <Exercise>`],
    ['an unknown component', '<Hnit>Psst.</Hnit>\n', `${display}:6: <Hnit>: unknown component (the lesson vocabulary is Exercise, Hint, Solution, Quiz, Choice, Explanation, Callout, Recap)`],
    ['a hand-written Cell', '<Cell id="a" code="1" />\n', `${display}:6: <Cell id="a">: write a \`\`\`python fence instead`],
  ])('refuses %s, naming file, line and field', async (_name, body, message) => {
    await expect(compile(body)).rejects.toThrow(message);
  });
});
