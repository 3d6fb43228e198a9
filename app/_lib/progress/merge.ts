/**
 * The rules that merge progress, as pure functions: completion never regresses, counts never
 * double. The browser applies them optimistically, the server's SQL upserts follow them
 * (progress.server.test.ts checks that the two agree), and signing in merges an anonymous
 * learner into an account with them.
 */

export type ExerciseState = {
  attempts: number;
  passed: boolean;
  passedAt: Date | null;
  hintsUsed: number;
  lastErrorType: string | null;
  lastAttemptAt: Date | null;
};
export type CellState = { runs: number; lastStatus: string; lastRunAt: Date };
export type LessonState = { startedAt: Date; completedAt: Date | null };
export type CodeState = { code: string; editedAt: Date };
export type Attempt = { passed: boolean; hintsUsed: number; errorType: string | null };

export const emptyExercise = (): ExerciseState => ({
  attempts: 0,
  passed: false,
  passedAt: null,
  hintsUsed: 0,
  lastErrorType: null,
  lastAttemptAt: null,
});

/** One more attempt: a pass is forever, hints only grow, the error type is the latest attempt's. */
export function applyAttempt(state: ExerciseState | undefined, attempt: Attempt, at: Date): ExerciseState {
  const current = state ?? emptyExercise();
  return {
    attempts: current.attempts + 1,
    passed: current.passed || attempt.passed,
    passedAt: current.passedAt ?? (attempt.passed ? at : null),
    hintsUsed: Math.max(current.hintsUsed, attempt.hintsUsed),
    lastErrorType: attempt.passed ? null : attempt.errorType,
    lastAttemptAt: at,
  };
}

/** Hints revealed so far: a smaller number (an older tab, a replay) never hides hints again. */
export function applyHint(state: ExerciseState | undefined, hintsUsed: number): ExerciseState {
  const current = state ?? emptyExercise();
  return { ...current, hintsUsed: Math.max(current.hintsUsed, hintsUsed) };
}

const earliest = (a: Date | null, b: Date | null): Date | null =>
  a === null ? b : b === null ? a : a.getTime() <= b.getTime() ? a : b;
const isLater = (a: Date | null, b: Date | null): boolean => a !== null && (b === null || a.getTime() > b.getTime());

/**
 * Two learners' progress in one exercise (an anonymous learner signing in to an account).
 * Their events are disjoint (each event is stored under one learner), so attempts add up.
 */
export function mergeExercise(a: ExerciseState, b: ExerciseState): ExerciseState {
  const latest = isLater(b.lastAttemptAt, a.lastAttemptAt) ? b : a;
  return {
    attempts: a.attempts + b.attempts,
    passed: a.passed || b.passed,
    passedAt: earliest(a.passedAt, b.passedAt),
    hintsUsed: Math.max(a.hintsUsed, b.hintsUsed),
    lastErrorType: a.passed || b.passed ? null : latest.lastErrorType,
    lastAttemptAt: latest.lastAttemptAt,
  };
}

export function mergeCell(a: CellState, b: CellState): CellState {
  const latest = b.lastRunAt.getTime() > a.lastRunAt.getTime() ? b : a;
  return { runs: a.runs + b.runs, lastStatus: latest.lastStatus, lastRunAt: latest.lastRunAt };
}

/** The first start wins; a completed lesson stays completed, at its first completion. */
export function mergeLesson(a: LessonState, b: LessonState): LessonState {
  return {
    startedAt: earliest(a.startedAt, b.startedAt) ?? a.startedAt,
    completedAt: earliest(a.completedAt, b.completedAt),
  };
}

/** The newest edit wins; on a tie the first argument (the account's copy) is kept. */
export function mergeCode(a: CodeState, b: CodeState): CodeState {
  return b.editedAt.getTime() > a.editedAt.getTime() ? b : a;
}

/** A lesson is complete when it has exercises and every one of them has passed. */
export function isLessonComplete(
  exerciseIds: readonly string[],
  exercises: Readonly<Record<string, { passed: boolean } | undefined>>,
): boolean {
  return exerciseIds.length > 0 && exerciseIds.every((id) => exercises[id]?.passed === true);
}

/** Merges two keyed maps of states with `merge`, keeping keys found on one side only. */
export function mergeRecords<T>(
  a: Readonly<Record<string, T>>,
  b: Readonly<Record<string, T>>,
  merge: (x: T, y: T) => T,
): Record<string, T> {
  const merged: Record<string, T> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const existing = merged[key];
    merged[key] = existing === undefined ? value : merge(existing, value);
  }
  return merged;
}

/** The first occurrence of each event id, in order: a queue that holds a replay sends it once. */
export function uniqueById<T extends { id: string }>(events: readonly T[]): T[] {
  const seen = new Set<string>();
  return events.filter((event) => (seen.has(event.id) ? false : (seen.add(event.id), true)));
}
