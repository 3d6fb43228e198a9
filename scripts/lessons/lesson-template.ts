/** The text of a new lesson: every part of the vocabulary once, all passing `lessons:check`. */
export type LessonTemplateInput = { id: string; previousId: string | undefined };

function frontmatter(id: string, previousId: string | undefined, text: { title: string; summary: string; objectives: string[] }): string {
  return [
    '---',
    `id: ${id}`,
    `title: ${JSON.stringify(text.title)}`,
    `summary: ${JSON.stringify(text.summary)}`,
    'objectives:',
    ...text.objectives.map((objective) => `  - ${JSON.stringify(objective)}`),
    'minutes: 15',
    `prerequisites: [${previousId ?? ''}]`,
    '---',
  ].join('\n');
}

const cell = `\`\`\`python id=first-cell
import asyncio

async def greet(name):
    await asyncio.sleep(0)
    return f"hello, {name}"

print(await greet("world"))
\`\`\`

\`\`\`output
hello, world
\`\`\``;

const exercise = (title: string, task: string, hints: [string, string]) => `<Exercise id="first-exercise" title="${title}">

${task}

\`\`\`python starter
import asyncio

async def twice(x):
    return x
\`\`\`

\`\`\`python check
assert "twice" in globals(), "Define a coroutine function called twice."
result = asyncio.run(twice(21))
assert result == 42, f"twice(21) should give 42, not {result!r}."
\`\`\`

<Hint>${hints[0]}</Hint>
<Hint>${hints[1]}</Hint>

<Solution>

\`\`\`python
import asyncio

async def twice(x):
    await asyncio.sleep(0)
    return 2 * x
\`\`\`

</Solution>
</Exercise>`;

const quiz = (question: string, choices: [string, string], explanation: string) => `<Quiz id="first-quiz" question="${question}">
  <Choice>${choices[0]}</Choice>
  <Choice correct>${choices[1]}</Choice>
  <Explanation>${explanation}</Explanation>
</Quiz>`;

export function englishLesson({ id, previousId }: LessonTemplateInput): string {
  return `${frontmatter(id, previousId, {
    title: 'TODO: lesson title',
    summary: 'TODO: one or two sentences shown under the title and in the course list.',
    objectives: ['TODO: what the learner will be able to do'],
  })}

## A first cell

Every \`python\` fence is a runnable cell; the \`output\` block after it is what it prints.

${quiz('What does the next cell print?', ['`greet`', '`hello, world`'], 'Awaiting the coroutine runs it and gives its return value.')}

${cell}

## An exercise

${exercise('Double a number, asynchronously', 'Make `twice(x)` return two times `x`.', ['Multiply before you return.', 'Write `return 2 * x`.'])}

<Recap>

- TODO: the first thing to remember.
- TODO: the second.

</Recap>
`;
}

export function chineseLesson({ id, previousId }: LessonTemplateInput): string {
  return `${frontmatter(id, previousId, {
    title: 'TODO: \u8bfe\u7a0b\u6807\u9898',
    summary: 'TODO: \u5728\u6807\u9898\u4e0b\u548c\u8bfe\u7a0b\u5217\u8868\u4e2d\u663e\u793a\u7684\u4e00\u4e24\u53e5\u8bdd\u3002',
    objectives: ['TODO: \u5b66\u4e60\u8005\u5c06\u5b66\u4f1a\u4ec0\u4e48'],
  })}

## \u7b2c\u4e00\u4e2a\u5355\u5143\u683c

${quiz('\u4e0b\u4e00\u4e2a\u5355\u5143\u683c\u6253\u5370\u4ec0\u4e48\uff1f', ['`greet`', '`hello, world`'], '\u7b49\u5f85\u534f\u7a0b\u4f1a\u8fd0\u884c\u5b83\u5e76\u5f97\u5230\u5b83\u7684\u8fd4\u56de\u503c\u3002')}

${cell}

## \u7ec3\u4e60

${exercise('\u5f02\u6b65\u5730\u628a\u6570\u5b57\u7ffb\u500d', '\u8ba9 `twice(x)` \u8fd4\u56de `x` \u7684\u4e24\u500d\u3002', ['\u8fd4\u56de\u4e4b\u524d\u5148\u4e58\u4ee5 2\u3002', '\u5199 `return 2 * x`\u3002'])}

<Recap>

- TODO: \u7b2c\u4e00\u4ef6\u8981\u8bb0\u4f4f\u7684\u4e8b\u3002
- TODO: \u7b2c\u4e8c\u4ef6\u3002

</Recap>
`;
}
