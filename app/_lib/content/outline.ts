/** A lesson as an ordered list of prose (MDX source) and cells, e.g. for notebook export. */
export type OutlineItem = { kind: 'markdown'; source: string } | { kind: 'code'; id: string };
