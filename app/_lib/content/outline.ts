/**
 * A lesson as an ordered list of prose (MDX source) and code cells, e.g. for notebook export.
 * A code item's `source` is the code the lesson gives it (an exercise's starter); the learner's
 * edits, if any, replace it.
 */
export type OutlineItem = { kind: 'markdown'; source: string } | { kind: 'code'; id: string; source?: string };

/** A stretch of the lesson's source that the outline shows as `items` instead of as prose. */
export type OutlinePlacement = { startOffset: number; endOffset: number; items: OutlineItem[] };

/** The lesson as prose and cells in order: the MDX between the placements, and their items. */
export function outlineLesson(source: string, placements: OutlinePlacement[]): OutlineItem[] {
  const body = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(source);
  let cursor = body ? body[0].length : 0;
  const outline: OutlineItem[] = [];
  for (const placement of [...placements].sort((a, b) => a.startOffset - b.startOffset)) {
    outline.push({ kind: 'markdown', source: source.slice(cursor, placement.startOffset) }, ...placement.items);
    cursor = placement.endOffset;
  }
  outline.push({ kind: 'markdown', source: source.slice(cursor) });
  return outline.filter((item) => item.kind === 'code' || item.source.trim() !== '');
}
