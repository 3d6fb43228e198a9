/** Pure shaping of progress rows into what pages and the API show; no database access here. */

export type CellProgressView = { runs: number; lastStatus: string; lastRunAt: Date };
export type CellCodeView = { code: string; editedAt: Date };
export type ExerciseProgressView = { attempts: number; passed: boolean; hintsUsed: number; lastErrorType: string | null };
export type LessonProgressView = {
  startedAt: Date | null;
  completedAt: Date | null;
  cells: Record<string, CellProgressView>;
  exercises: Record<string, ExerciseProgressView>;
  code: Record<string, CellCodeView>;
};

export const emptyLessonProgress = (): LessonProgressView => ({
  startedAt: null,
  completedAt: null,
  cells: {},
  exercises: {},
  code: {},
});

const byId = <Row extends Record<Key, string>, Key extends string, View>(
  rows: ReadonlyArray<Row>,
  key: Key,
  view: (row: Row) => View,
): Record<string, View> => Object.fromEntries(rows.map((row) => [row[key], view(row)]));

export function toLessonProgress(
  lesson: { startedAt: Date; completedAt: Date | null } | undefined,
  cells: ReadonlyArray<{ cellId: string } & CellProgressView>,
  code: ReadonlyArray<{ cellId: string } & CellCodeView> = [],
  exercises: ReadonlyArray<{ exerciseId: string } & ExerciseProgressView> = [],
): LessonProgressView {
  return {
    startedAt: lesson?.startedAt ?? null,
    completedAt: lesson?.completedAt ?? null,
    cells: byId(cells, 'cellId', ({ runs, lastStatus, lastRunAt }) => ({ runs, lastStatus, lastRunAt })),
    exercises: byId(exercises, 'exerciseId', ({ attempts, passed, hintsUsed, lastErrorType }) => ({
      attempts,
      passed,
      hintsUsed,
      lastErrorType,
    })),
    code: byId(code, 'cellId', ({ code: text, editedAt }) => ({ code: text, editedAt })),
  };
}

export type LessonSummary = {
  startedAt: Date;
  completedAt: Date | null;
  lastActiveAt: Date;
  cellsRun: number;
  exercisesPassed: number;
};
export type ProgressSummary = Record<string, LessonSummary>;

/** One entry per started lesson; `cellsRun` counts distinct cells run at least once. */
export function toProgressSummary(
  lessons: ReadonlyArray<{ lessonId: string; startedAt: Date; completedAt: Date | null; updatedAt: Date }>,
  cellCounts: ReadonlyArray<{ lessonId: string; cells: number }>,
  passedCounts: ReadonlyArray<{ lessonId: string; passed: number }> = [],
): ProgressSummary {
  const cells = new Map(cellCounts.map(({ lessonId, cells: count }) => [lessonId, count]));
  const passed = new Map(passedCounts.map(({ lessonId, passed: count }) => [lessonId, count]));
  const summary: ProgressSummary = {};
  for (const { lessonId, startedAt, completedAt, updatedAt } of lessons) {
    summary[lessonId] = {
      startedAt,
      completedAt,
      lastActiveAt: updatedAt,
      cellsRun: cells.get(lessonId) ?? 0,
      exercisesPassed: passed.get(lessonId) ?? 0,
    };
  }
  return summary;
}

/** The lesson the learner touched last (the "continue where you left off" link), if any. */
export function lastActiveLesson(summary: ProgressSummary): string | null {
  let best: [string, number] | null = null;
  for (const [lessonId, { lastActiveAt }] of Object.entries(summary)) {
    if (best === null || lastActiveAt.getTime() > best[1]) best = [lessonId, lastActiveAt.getTime()];
  }
  return best?.[0] ?? null;
}

export type ActivityDay = { day: string; events: number };

/** Events per UTC day for the `days` days ending `today`, zero-filled, oldest first. */
export function activityByDay(times: ReadonlyArray<Date>, today: Date, days: number): ActivityDay[] {
  const dayOf = (date: Date) => date.toISOString().slice(0, 10);
  const counts = new Map<string, number>();
  for (const time of times) counts.set(dayOf(time), (counts.get(dayOf(time)) ?? 0) + 1);
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Array.from({ length: days }, (_, index) => {
    const day = dayOf(new Date(end - (days - 1 - index) * 86_400_000));
    return { day, events: counts.get(day) ?? 0 };
  });
}
