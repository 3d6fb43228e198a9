import type { CohortSnapshot, SnapshotLearner } from './cohort-snapshot';

/** Hand-built snapshots for the dashboard and CSV tests: a two-lesson course, learners added per test. */

export const takenAt = new Date('2026-11-25T12:00:00.000Z');
export const daysBefore = (days: number, from: Date = takenAt) => new Date(from.getTime() - days * 86_400_000);

export type ExerciseRow = SnapshotLearner['exercises'][number];

export function exercise(lessonId: string, exerciseId: string, fields: Partial<ExerciseRow> = {}): ExerciseRow {
  return { lessonId, exerciseId, attempts: 1, passed: false, hintsUsed: 0, lastErrorType: null, lastAttemptAt: daysBefore(1), ...fields };
}

export function learner(name: string, fields: Partial<SnapshotLearner> = {}): SnapshotLearner {
  return {
    learnerId: `learner-${name.toLowerCase().replaceAll(/\W+/g, '-')}`,
    name,
    email: `${name.toLowerCase().replaceAll(/\W+/g, '.')}@example.test`,
    joinedAt: daysBefore(30),
    lastActiveAt: null,
    lessons: [],
    exercises: [],
    cellRuns: 0,
    cellErrors: 0,
    ...fields,
  };
}

export function snapshot(learners: SnapshotLearner[], fields: Partial<CohortSnapshot> = {}): CohortSnapshot {
  return {
    cohort: { id: 'cohort-1', name: 'Autumn 2026', joinCode: 'K7QM3XPA', createdAt: daysBefore(40) },
    lessons: [
      {
        id: 'coroutines',
        slug: 'what-is-a-coroutine',
        title: 'What is a coroutine?',
        exercises: [
          { id: 'interleave', title: 'Make two workers take turns' },
          { id: 'heartbeat', title: 'Keep the heartbeat on time' },
        ],
      },
      { id: 'reading', slug: 'reading', title: 'Reading only', exercises: [] },
    ],
    learners,
    takenAt,
    ...fields,
  };
}
