import type { Code, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { parseFenceMeta, unparsedFenceMeta } from './fence-meta';
import type { LessonCell, LessonCollector } from './lesson-model';
import type { OutlinePlacement } from './outline';
import { parseSeconds } from './remark-components';
import { pythonLanguages } from './remark-exercises';

const cellIdPattern = /^[A-Za-z0-9_-]{1,64}$/;
const cellMetaKeys = new Set(['id', 'timeout', 'kernel', 'setup', 'expect', 'trace']);

function attribute(name: string, value: string): MdxJsxAttribute {
  return { type: 'mdxJsxAttribute', name, value };
}

function offsets(node: Code): { startOffset: number; endOffset: number } {
  return { startOffset: node.position?.start.offset ?? 0, endOffset: node.position?.end.offset ?? 0 };
}

/** Reads a python fence's meta into a cell (without code and expected output), or throws naming file:line. */
function readCellMeta(node: Code, file: string, fallbackId: string): Omit<LessonCell, 'code' | 'expected'> {
  const line = node.position?.start.line ?? 0;
  const meta = parseFenceMeta(node.meta);
  const idValue = meta.id ?? fallbackId;
  const id = typeof idValue === 'string' ? idValue : '';
  const fail = (message: string) => new Error(`${file}:${line}: cell "${id}": ${message}`);
  if (!cellIdPattern.test(id)) throw new Error(`${file}:${line}: cell id "${id}" must match ${cellIdPattern.source}`);
  const junk = unparsedFenceMeta(node.meta);
  if (junk.length > 0) throw fail(`cannot read "${junk.join(' ')}" in the fence's meta`);
  for (const key of Object.keys(meta)) {
    if (key === 'starter' || key === 'check') throw fail(`a \`${key}\` fence belongs directly inside an <Exercise>`);
    if (!cellMetaKeys.has(key)) throw fail(`unknown fence option "${key}" (known: ${[...cellMetaKeys].join(', ')})`);
  }
  let timeoutSeconds: number | undefined;
  if (meta.timeout !== undefined) {
    const seconds = typeof meta.timeout === 'string' ? parseSeconds(meta.timeout) : null;
    if (seconds === null) throw fail(`timeout must be a number of seconds from 1 to 600, not "${String(meta.timeout)}"`);
    timeoutSeconds = seconds;
  }
  if (meta.kernel !== undefined && meta.kernel !== 'server' && meta.kernel !== 'browser') {
    throw fail(`kernel must be "server" (or "browser", the default), not "${String(meta.kernel)}"`);
  }
  const kernel = meta.kernel === 'server' ? 'server' : 'browser';
  if (meta.setup !== undefined && meta.setup !== true) throw fail('write `setup` bare, without a value');
  if (meta.setup === true && kernel !== 'server') throw fail('`setup` is only for server cells: add kernel=server');
  if (meta.expect !== undefined && meta.expect !== 'error') throw fail(`expect must be "error", not "${String(meta.expect)}"`);
  if (meta.trace !== undefined && meta.trace !== true) throw fail('write `trace` bare, without a value');
  if (meta.trace === true && kernel !== 'browser') throw fail('`trace` is only for cells in the page\'s kernel: server cells cannot be traced');
  return { kind: 'cell', id, idGiven: meta.id !== undefined, line, timeoutSeconds, kernel, setup: meta.setup === true, expectError: meta.expect === 'error' };
}

/** Code shown inside a hint, a quiz choice or an explanation illustrates; it is not a cell. */
const illustrationElements = new Set(['Hint', 'Choice', 'Explanation']);

function codeInsideIllustrations(tree: Root): Set<Code> {
  const found = new Set<Code>();
  visit(tree, 'mdxJsxFlowElement', (element: MdxJsxFlowElement) => {
    if (!illustrationElements.has(element.name ?? '')) return;
    visit(element, 'code', (node: Code) => {
      found.add(node);
    });
  });
  return found;
}

/**
 * Turns every ```python fence into a runnable `<Cell id code timeout? kernel? setup? expect? trace? />`,
 * so a lesson reads as plain Markdown, and an ```output fence right after one into
 * `<ExpectedOutput cellId text />`. A fence names its stable id (```python id=gather);
 * otherwise cells are numbered. Exercise fences are gone by now (transformExercises); fences in
 * a `<Hint>`, `<Choice>` or `<Explanation>` stay plain code.
 */
export function transformCells(tree: Root, options: { file: string; collector: LessonCollector; placements: OutlinePlacement[] }): void {
  const { file, collector } = options;
  const illustrations = codeInsideIllustrations(tree);
  let ordinal = 0;
  visit(tree, 'code', (node: Code, index, parent) => {
    if (!parent || index === undefined || !pythonLanguages.has(node.lang ?? '') || illustrations.has(node)) return;
    ordinal += 1;
    const cell = readCellMeta(node, file, `cell-${ordinal}`);
    collector.claimId(cell.id, cell.line, 'cell');
    const attributes = [attribute('id', cell.id), attribute('code', node.value)];
    if (cell.timeoutSeconds !== undefined) attributes.push(attribute('timeout', String(cell.timeoutSeconds)));
    if (cell.kernel === 'server') attributes.push(attribute('kernel', 'server'));
    if (cell.setup) attributes.push(attribute('setup', 'true'));
    if (cell.expectError) attributes.push(attribute('expect', 'error'));
    // The Trace toggle starts on (checked in readCellMeta); the lesson model does not need it.
    if (parseFenceMeta(node.meta).trace === true) attributes.push(attribute('trace', 'true'));
    const element: MdxJsxFlowElement = { type: 'mdxJsxFlowElement', name: 'Cell', attributes, children: [] };
    options.placements.push({ ...offsets(node), items: [{ kind: 'code', id: cell.id, source: node.value }] });

    const next = parent.children[index + 1];
    const replacements: MdxJsxFlowElement[] = [element];
    let expected: LessonCell['expected'];
    if (next && next.type === 'code' && next.lang === 'output') {
      expected = { text: next.value, line: next.position?.start.line ?? 0 };
      replacements.push({
        type: 'mdxJsxFlowElement',
        name: 'ExpectedOutput',
        attributes: [attribute('cellId', cell.id), attribute('text', next.value)],
        children: [],
      });
      // The notebook shows the learner's own output, not the lesson's.
      options.placements.push({ ...offsets(next), items: [] });
    }
    collector.add({ ...cell, code: node.value, expected });
    parent.children.splice(index, replacements.length, ...replacements);
  });
  visit(tree, 'code', (node: Code) => {
    if (node.lang !== 'output') return;
    throw new Error(`${file}:${node.position?.start.line ?? 0}: an \`\`\`output block must come right after a \`\`\`python cell (nothing between them)`);
  });
}
