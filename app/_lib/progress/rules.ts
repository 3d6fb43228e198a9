/** Pure shaping of progress rows into what pages show; no database access here. */

export type CellProgressView = { runs: number; lastStatus: string; lastRunAt: Date };
export type CellCodeView = { code: string; editedAt: Date };
export type LessonProgressView = {
  startedAt: Date | null;
  cells: Record<string, CellProgressView>;
  code: Record<string, CellCodeView>;
};
export type ProgressSummary = Record<string, { startedAt: Date; cellsRun: number }>;

export const emptyLessonProgress = (): LessonProgressView => ({ startedAt: null, cells: {}, code: {} });

export function toLessonProgress(
  lesson: { startedAt: Date } | undefined,
  cells: ReadonlyArray<{ cellId: string } & CellProgressView>,
  code: ReadonlyArray<{ cellId: string } & CellCodeView> = [],
): LessonProgressView {
  const byId: Record<string, CellProgressView> = {};
  for (const { cellId, runs, lastStatus, lastRunAt } of cells) byId[cellId] = { runs, lastStatus, lastRunAt };
  const codeById: Record<string, CellCodeView> = {};
  for (const { cellId, code: text, editedAt } of code) codeById[cellId] = { code: text, editedAt };
  return { startedAt: lesson?.startedAt ?? null, cells: byId, code: codeById };
}

/** One entry per started lesson; `cellsRun` counts distinct cells run at least once. */
export function toProgressSummary(
  lessons: ReadonlyArray<{ lessonId: string; startedAt: Date }>,
  cellCounts: ReadonlyArray<{ lessonId: string; cells: number }>,
): ProgressSummary {
  const counts = new Map(cellCounts.map(({ lessonId, cells }) => [lessonId, cells]));
  const summary: ProgressSummary = {};
  for (const { lessonId, startedAt } of lessons) summary[lessonId] = { startedAt, cellsRun: counts.get(lessonId) ?? 0 };
  return summary;
}
