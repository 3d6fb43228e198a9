import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '@/app/_lib/progress/events';
import { applyEventsToView, emptyLessonProgress } from './progress-view';

const base = (n: number) => ({ id: `00000000-0000-4000-8000-00000000000${n}`, lessonId: 'tasks', at: `2026-01-01T00:00:0${n}.000Z` });

describe('applyEventsToView', () => {
  it('shows runs, attempts, hints and completion at once, by the merge rules', () => {
    const events: ProgressEvent[] = [
      { ...base(1), type: 'cell-run', cellId: 'c', status: 'error' },
      { ...base(2), type: 'exercise-attempt', exerciseId: 'ex', passed: false, hintsUsed: 0, errorType: 'AssertionError' },
      { ...base(3), type: 'hint', exerciseId: 'ex', hintsUsed: 2 },
      { ...base(4), type: 'exercise-attempt', exerciseId: 'ex', passed: true, hintsUsed: 1, errorType: null },
      { ...base(5), type: 'lesson-completed', exerciseIds: ['ex'] },
      { ...base(6), type: 'cell-run', cellId: 'c', status: 'ok', lessonId: 'another-lesson' },
    ];
    expect(applyEventsToView(emptyLessonProgress(), 'tasks', events)).toEqual({
      startedAt: base(1).at,
      completedAt: base(5).at,
      cells: { c: { runs: 1, lastStatus: 'error', lastRunAt: base(1).at } },
      exercises: { ex: { attempts: 2, passed: true, hintsUsed: 2, lastErrorType: null } },
      code: {},
    });
  });
});
