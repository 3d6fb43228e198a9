import * as z from 'zod/mini';
import type { ProgressEvent } from '@/app/_lib/progress/events';
import { applyAttempt, applyHint, emptyExercise, type ExerciseState } from '@/app/_lib/progress/merge';

/** The learner's progress in one lesson as `GET /api/progress` sends it (dates as ISO strings). */
const exerciseViewSchema = z.object({
  attempts: z.number(),
  passed: z.boolean(),
  hintsUsed: z.number(),
  lastErrorType: z.nullable(z.string()),
});
export const lessonProgressSchema = z.object({
  startedAt: z.nullable(z.string()),
  completedAt: z.nullable(z.string()),
  cells: z.record(z.string(), z.object({ runs: z.number(), lastStatus: z.string(), lastRunAt: z.string() })),
  exercises: z.record(z.string(), exerciseViewSchema),
  code: z.record(z.string(), z.object({ code: z.string(), editedAt: z.string() })),
});
export type LessonProgress = z.infer<typeof lessonProgressSchema>;
export type ExerciseProgress = z.infer<typeof exerciseViewSchema>;

export const emptyLessonProgress = (): LessonProgress => ({
  startedAt: null,
  completedAt: null,
  cells: {},
  exercises: {},
  code: {},
});

const toState = (view: ExerciseProgress | undefined): ExerciseState => ({ ...emptyExercise(), ...view });
const toView = ({ attempts, passed, hintsUsed, lastErrorType }: ExerciseState): ExerciseProgress => ({
  attempts,
  passed,
  hintsUsed,
  lastErrorType,
});

/**
 * The view after one event, by the same merge rules the server applies: what the learner sees
 * at once, before (or without) the server's acknowledgement. Events of other lessons are ignored.
 */
export function applyEventToView(view: LessonProgress, lessonId: string, event: ProgressEvent): LessonProgress {
  if (event.lessonId !== lessonId) return view;
  const startedAt = view.startedAt ?? event.at;
  switch (event.type) {
    case 'cell-run': {
      const runs = (view.cells[event.cellId]?.runs ?? 0) + 1;
      return { ...view, startedAt, cells: { ...view.cells, [event.cellId]: { runs, lastStatus: event.status, lastRunAt: event.at } } };
    }
    case 'exercise-attempt': {
      const next = applyAttempt(toState(view.exercises[event.exerciseId]), event, new Date(event.at));
      return { ...view, startedAt, exercises: { ...view.exercises, [event.exerciseId]: toView(next) } };
    }
    case 'hint': {
      const next = applyHint(toState(view.exercises[event.exerciseId]), event.hintsUsed);
      return { ...view, startedAt, exercises: { ...view.exercises, [event.exerciseId]: toView(next) } };
    }
    case 'lesson-completed':
      return { ...view, startedAt, completedAt: view.completedAt ?? event.at };
  }
}

export function applyEventsToView(view: LessonProgress, lessonId: string, events: readonly ProgressEvent[]): LessonProgress {
  return events.reduce((current, event) => applyEventToView(current, lessonId, event), view);
}
