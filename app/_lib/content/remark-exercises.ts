import type { Code, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { parseFenceMeta } from './fence-meta';
import { elementError, setAttribute, stringAttribute } from './jsx-element';
import type { ExerciseCode, LessonCollector } from './lesson-model';
import type { OutlinePlacement } from './outline';
import { parseSeconds } from './remark-components';

export const pythonLanguages = new Set(['python', 'py']);

function isPython(node: RootContent): node is Code {
  return node.type === 'code' && pythonLanguages.has(node.lang ?? '');
}

function codeOf(node: Code): ExerciseCode {
  return { code: node.value, line: node.position?.start.line ?? 0 };
}

/** Source text of a node, for the notebook outline. */
function sliceOf(source: string, node: RootContent): string {
  return source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
}

/**
 * `<Exercise id title>` with a ```python starter fence, a ```python check fence and a
 * `<Solution>` holding a ```python fence becomes `<Exercise id title starter check timeout?>`
 * and `<Solution code>`: the fences leave the tree (prose and `<Hint>`s stay). Runs after
 * validateComponents, which checked the props.
 */
export function transformExercises(tree: Root, options: { file: string; source: string; collector: LessonCollector; placements: OutlinePlacement[] }): void {
  const { file, collector } = options;
  visit(tree, 'mdxJsxFlowElement', (exercise: MdxJsxFlowElement) => {
    if (exercise.name !== 'Exercise') return;
    const id = stringAttribute(exercise, 'id') ?? '';
    const line = exercise.position?.start.line ?? 0;
    const fail = (message: string) => elementError(file, exercise, null, message);
    collector.claimId(id, line, 'exercise');

    let starter: Code | undefined;
    let check: Code | undefined;
    let solution: ExerciseCode | undefined;
    const prose: RootContent[] = [];
    for (const child of exercise.children) {
      if (isPython(child)) {
        const meta = parseFenceMeta(child.meta);
        const role = meta.starter === true ? 'starter' : meta.check === true ? 'check' : undefined;
        const childLine = child.position?.start.line ?? 0;
        if (!role || (meta.starter === true && meta.check === true)) {
          throw fail(`the python fence on line ${childLine} must be marked either \`starter\` or \`check\` (\`\`\`python starter)`);
        }
        const previous = role === 'starter' ? starter : check;
        if (previous) throw fail(`a second \`${role}\` fence on line ${childLine} (the first is on line ${previous.position?.start.line ?? 0})`);
        if (role === 'starter') starter = child;
        else check = child;
      } else if (child.type === 'mdxJsxFlowElement' && child.name === 'Solution') {
        if (solution) throw fail(`a second <Solution> on line ${child.position?.start.line ?? 0}`);
        const fences = child.children.filter(isPython);
        if (fences.length !== 1) throw fail(`its <Solution> must hold exactly one \`\`\`python fence, found ${fences.length}`);
        const [fence] = fences;
        if (!fence) throw fail('its <Solution> has no ```python fence');
        solution = codeOf(fence);
        child.children = child.children.filter((node) => node !== fence);
        setAttribute(child, 'code', fence.value);
      } else if (child.type === 'mdxJsxFlowElement' && child.name === 'Exercise') {
        throw fail(`an <Exercise> cannot hold another <Exercise> (line ${child.position?.start.line ?? 0})`);
      } else if (!(child.type === 'mdxJsxFlowElement' && child.name === 'Hint')) {
        prose.push(child);
      }
    }
    if (!starter) throw fail('missing its ```python starter fence (the code the learner starts from)');
    if (!check) throw fail('missing its ```python check fence (it raises AssertionError when the answer is wrong)');
    if (!solution) throw fail('missing its <Solution> with a ```python fence');

    const attributeTimeout = stringAttribute(exercise, 'timeout');
    const fenceTimeout = parseFenceMeta(starter.meta).timeout;
    if (attributeTimeout !== undefined && fenceTimeout !== undefined) throw fail('set the timeout either on <Exercise> or on the starter fence, not both');
    let timeoutSeconds: number | undefined;
    if (typeof fenceTimeout === 'string' || attributeTimeout !== undefined) {
      const text = typeof fenceTimeout === 'string' ? fenceTimeout : (attributeTimeout ?? '');
      const seconds = parseSeconds(text);
      if (seconds === null) throw fail(`field "timeout": must be a number of seconds from 1 to 600, not "${text}"`);
      timeoutSeconds = seconds;
      setAttribute(exercise, 'timeout', String(seconds));
    }

    const starterNode = starter;
    const checkNode = check;
    exercise.children = exercise.children.filter((node) => node !== starterNode && node !== checkNode);
    setAttribute(exercise, 'starter', starter.value);
    setAttribute(exercise, 'check', check.value);
    const title = stringAttribute(exercise, 'title') ?? '';
    collector.add({ kind: 'exercise', id, title, line, starter: codeOf(starter), check: codeOf(check), solution, timeoutSeconds });

    // In an exported notebook: the title and the task's prose, then the starter as a code cell.
    const task = prose.map((node) => sliceOf(options.source, node)).join('\n\n');
    options.placements.push({
      startOffset: exercise.position?.start.offset ?? 0,
      endOffset: exercise.position?.end.offset ?? 0,
      items: [
        { kind: 'markdown', source: `**Exercise: ${title}**\n\n${task}\n` },
        { kind: 'code', id, source: starter.value },
      ],
    });
  });
}
