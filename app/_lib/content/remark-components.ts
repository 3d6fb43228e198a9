import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { elementError, findAttribute, isJsxElement, stringAttribute, type JsxElement } from './jsx-element';
import type { LessonCollector } from './lesson-model';

const stableIdPattern = /^[A-Za-z0-9_-]{1,64}$/;
export const calloutKinds = ['misconception', 'note', 'tip', 'warning'] as const;

type PropKind = 'id' | 'text' | 'flag' | 'seconds' | { oneOf: readonly string[] };
type ComponentSpec = { props: Record<string, { kind: PropKind; required?: boolean }>; parent?: string };

/** The lesson vocabulary (docs/AUTHORING.md). Any other capitalised element is a build error. */
export const lessonComponents: Record<string, ComponentSpec> = {
  Exercise: { props: { id: { kind: 'id', required: true }, title: { kind: 'text', required: true }, timeout: { kind: 'seconds' } } },
  Hint: { props: {}, parent: 'Exercise' },
  Solution: { props: {}, parent: 'Exercise' },
  Quiz: { props: { id: { kind: 'id', required: true }, question: { kind: 'text', required: true } } },
  Choice: { props: { correct: { kind: 'flag' } }, parent: 'Quiz' },
  Explanation: { props: {}, parent: 'Quiz' },
  Callout: { props: { kind: { kind: { oneOf: calloutKinds }, required: true }, title: { kind: 'text' } } },
  Recap: { props: {} },
};

/** Elements the plugins write; an author writes the fence instead. */
const generated: Record<string, string> = {
  Cell: 'write a ```python fence instead',
  ExpectedOutput: 'write an ```output fence right after the cell instead',
};

/** Parses a `timeout` (seconds, 1 to 600, an optional trailing "s"); null when it is not one. */
export function parseSeconds(text: string): number | null {
  const seconds = Number(text.replace(/s$/, ''));
  return text.trim() !== '' && Number.isFinite(seconds) && seconds > 0 && seconds <= 600 ? seconds : null;
}

function checkProp(file: string, element: JsxElement, name: string, kind: PropKind): void {
  const attribute = element.attributes.find((candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === name);
  const value = attribute?.value;
  if (kind === 'flag') {
    const isTrue = value === null || value === undefined || (typeof value === 'object' && /^\s*(true|false)\s*$/.test(value.value));
    if (!isTrue) throw elementError(file, element, name, `write it bare (<${element.name} ${name}>), without a value`);
    return;
  }
  if (typeof value !== 'string') throw elementError(file, element, name, 'must be a plain string in quotes');
  if (kind === 'text' && value.trim() === '') throw elementError(file, element, name, 'cannot be empty');
  if (kind === 'id' && !stableIdPattern.test(value)) throw elementError(file, element, name, `"${value}" must match ${stableIdPattern.source}`);
  if (kind === 'seconds' && parseSeconds(value) === null) throw elementError(file, element, name, `must be a number of seconds from 1 to 600, not "${value}"`);
  if (typeof kind === 'object' && !kind.oneOf.includes(value)) throw elementError(file, element, name, `must be one of ${kind.oneOf.join(', ')}, not "${value}"`);
}

/** `<Choice correct>` or `<Choice correct={true}>`. */
function isMarkedCorrect(choice: JsxElement): boolean {
  const value = findAttribute(choice, 'correct')?.value;
  if (value === undefined) return choice.attributes.some((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'correct');
  return value === null || (typeof value === 'object' && value.value.trim() === 'true');
}

function checkQuiz(file: string, quiz: JsxElement, collector: LessonCollector): void {
  const children = quiz.children.filter(isJsxElement);
  const choices = children.filter((child) => child.name === 'Choice');
  const correct = choices.filter(isMarkedCorrect);
  if (choices.length < 2) throw elementError(file, quiz, null, `needs at least two <Choice> elements, found ${choices.length}`);
  if (correct.length !== 1) throw elementError(file, quiz, null, `exactly one <Choice> must be marked correct, found ${correct.length}`);
  if (children.filter((child) => child.name === 'Explanation').length > 1) throw elementError(file, quiz, null, 'has more than one <Explanation>');
  const stray = children.find((child) => child.name !== 'Choice' && child.name !== 'Explanation');
  if (stray) throw elementError(file, quiz, null, `<${stray.name ?? ''}> cannot go inside a quiz (only <Choice> and <Explanation>)`);
  collector.claimId(stringAttribute(quiz, 'id') ?? '', quiz.position?.start.line ?? 0, 'quiz');
  collector.quizIds.push(stringAttribute(quiz, 'id') ?? '');
}

/** Validates every lesson component's props and placement; the tree is left unchanged. */
export function validateComponents(tree: Root, file: string, collector: LessonCollector): void {
  const quizzes: JsxElement[] = [];
  visit(tree, (node, _index, parent) => {
    if (!isJsxElement(node) || !node.name || !/^[A-Z]/.test(node.name)) return;
    const hint = generated[node.name];
    if (hint) throw elementError(file, node, null, hint);
    const spec = lessonComponents[node.name];
    if (!spec) throw elementError(file, node, null, `unknown component (the lesson vocabulary is ${Object.keys(lessonComponents).join(', ')})`);
    const parentName = parent && isJsxElement(parent) ? parent.name : undefined;
    if (spec.parent && parentName !== spec.parent) throw elementError(file, node, null, `belongs directly inside <${spec.parent}>`);
    for (const attribute of node.attributes) {
      if (attribute.type !== 'mdxJsxAttribute') throw elementError(file, node, null, 'spread attributes ({...x}) are not allowed');
      if (!spec.props[attribute.name]) {
        const known = Object.keys(spec.props);
        throw elementError(file, node, attribute.name, `<${node.name}> has no such prop (${known.length ? `known: ${known.join(', ')}` : 'it takes none'})`);
      }
    }
    for (const [name, prop] of Object.entries(spec.props)) {
      const present = node.attributes.some((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === name);
      if (!present && prop.required) throw elementError(file, node, name, 'is required');
      if (present) checkProp(file, node, name, prop.kind);
    }
    if (node.name === 'Quiz') quizzes.push(node);
  });
  // After their choices' own props were checked.
  for (const quiz of quizzes) checkQuiz(file, quiz, collector);
}
