import type { Code, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';

const pythonLanguages = new Set(['python', 'py']);
const cellIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** Reads `key=value` / `key="value"` pairs from a fence's meta string. */
export function parseFenceMeta(meta: string | null | undefined): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const match of (meta ?? '').matchAll(/([A-Za-z][\w-]*)=(?:"([^"]*)"|(\S+))/g)) {
    const key = match[1];
    if (key) pairs[key] = match[2] ?? match[3] ?? '';
  }
  return pairs;
}

function attribute(name: string, value: string): MdxJsxAttribute {
  return { type: 'mdxJsxAttribute', name, value };
}

/**
 * Turns every ```python fence into a runnable `<Cell id code />`, so a lesson reads as plain
 * Markdown. A fence may name its stable id (```python id=gather); otherwise cells are numbered.
 * `timeout=5` sets the cell's time limit in seconds (default 30).
 */
export type CellPlacement = { id: string; startOffset: number; endOffset: number };

export function remarkPythonCells(options: { file: string; placements?: CellPlacement[] }) {
  return (tree: Root) => {
    const seen = new Map<string, number>();
    let ordinal = 0;
    visit(tree, 'code', (node: Code, index, parent) => {
      if (!parent || index === undefined || !pythonLanguages.has(node.lang ?? '')) return;
      ordinal += 1;
      const line = node.position?.start.line ?? 0;
      const meta = parseFenceMeta(node.meta);
      const id = meta.id ?? `cell-${ordinal}`;
      if (!cellIdPattern.test(id)) {
        throw new Error(`${options.file}:${line}: cell id "${id}" must match ${cellIdPattern.source}`);
      }
      const previous = seen.get(id);
      if (previous !== undefined) {
        throw new Error(`${options.file}:${line}: cell id "${id}" is already used on line ${previous}`);
      }
      seen.set(id, line);
      const attributes = [attribute('id', id), attribute('code', node.value)];
      if (meta.timeout !== undefined) {
        const seconds = Number(meta.timeout.replace(/s$/, ''));
        if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
          throw new Error(`${options.file}:${line}: cell "${id}": timeout must be a number of seconds from 1 to 600, not "${meta.timeout}"`);
        }
        attributes.push(attribute('timeout', String(seconds)));
      }
      options.placements?.push({
        id,
        startOffset: node.position?.start.offset ?? 0,
        endOffset: node.position?.end.offset ?? 0,
      });
      const cell: MdxJsxFlowElement = {
        type: 'mdxJsxFlowElement',
        name: 'Cell',
        attributes,
        children: [],
      };
      parent.children.splice(index, 1, cell);
    });
  };
}
