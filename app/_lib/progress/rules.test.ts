import { describe, expect, it } from 'vitest';
import { activityByDay, lastActiveLesson, toLessonProgress, toProgressSummary } from './rules';

const at = (iso: string) => new Date(iso);

describe('toLessonProgress', () => {
  it('keys cells, exercises and code by id and reports a lesson never started as null', () => {
    const cell = { cellId: 'a', runs: 2, lastStatus: 'ok', lastRunAt: at('2025-01-01T10:00:00Z') };
    expect(toLessonProgress(undefined, [])).toEqual({ startedAt: null, completedAt: null, cells: {}, exercises: {}, code: {} });
    const lesson = { startedAt: at('2025-01-01T09:00:00Z'), completedAt: at('2025-01-01T12:00:00Z') };
    const exercise = { exerciseId: 'ex', attempts: 3, passed: true, hintsUsed: 1, lastErrorType: null };
    const edit = { cellId: 'a', code: 'print(2)', editedAt: at('2025-01-01T11:00:00Z') };
    expect(toLessonProgress(lesson, [cell], [edit], [exercise])).toEqual({
      ...lesson,
      cells: { a: { runs: 2, lastStatus: 'ok', lastRunAt: at('2025-01-01T10:00:00Z') } },
      exercises: { ex: { attempts: 3, passed: true, hintsUsed: 1, lastErrorType: null } },
      code: { a: { code: 'print(2)', editedAt: at('2025-01-01T11:00:00Z') } },
    });
  });
});

describe('toProgressSummary and lastActiveLesson', () => {
  it('lists every started lesson with its counts, and finds the one touched last', () => {
    const startedAt = at('2025-01-01T09:00:00Z');
    const summary = toProgressSummary(
      [
        { lessonId: 'one', startedAt, completedAt: null, updatedAt: at('2025-01-03T00:00:00Z') },
        { lessonId: 'two', startedAt, completedAt: startedAt, updatedAt: at('2025-01-02T00:00:00Z') },
      ],
      [{ lessonId: 'one', cells: 3 }],
      [{ lessonId: 'two', passed: 2 }],
    );
    expect(summary).toEqual({
      one: { startedAt, completedAt: null, lastActiveAt: at('2025-01-03T00:00:00Z'), cellsRun: 3, exercisesPassed: 0 },
      two: { startedAt, completedAt: startedAt, lastActiveAt: at('2025-01-02T00:00:00Z'), cellsRun: 0, exercisesPassed: 2 },
    });
    expect(lastActiveLesson(summary)).toBe('one');
    expect(lastActiveLesson({})).toBeNull();
  });
});

describe('activityByDay', () => {
  it('counts events per UTC day, zero-filled, oldest first', () => {
    const times = ['2025-03-10T23:59:00Z', '2025-03-10T01:00:00Z', '2025-03-12T08:00:00Z', '2025-02-01T00:00:00Z'].map(at);
    expect(activityByDay(times, at('2025-03-12T12:00:00Z'), 3)).toEqual([
      { day: '2025-03-10', events: 2 },
      { day: '2025-03-11', events: 0 },
      { day: '2025-03-12', events: 1 },
    ]);
  });
});
