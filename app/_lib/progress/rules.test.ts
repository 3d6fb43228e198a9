import { describe, expect, it } from 'vitest';
import { toLessonProgress, toProgressSummary } from './rules';

const at = (iso: string) => new Date(iso);

describe('toLessonProgress', () => {
  it('keys cells by id and reports a lesson that was never started as null', () => {
    const cell = { cellId: 'a', runs: 2, lastStatus: 'ok', lastRunAt: at('2025-01-01T10:00:00Z') };
    expect(toLessonProgress(undefined, [])).toEqual({ startedAt: null, cells: {}, code: {} });
    expect(toLessonProgress({ startedAt: at('2025-01-01T09:00:00Z') }, [cell])).toEqual({
      startedAt: at('2025-01-01T09:00:00Z'),
      cells: { a: { runs: 2, lastStatus: 'ok', lastRunAt: at('2025-01-01T10:00:00Z') } },
      code: {},
    });
    const edit = { cellId: 'a', code: 'print(2)', editedAt: at('2025-01-01T11:00:00Z') };
    expect(toLessonProgress(undefined, [], [edit]).code).toEqual({
      a: { code: 'print(2)', editedAt: at('2025-01-01T11:00:00Z') },
    });
  });
});

describe('toProgressSummary', () => {
  it('lists every started lesson, with zero cells when none was counted', () => {
    const startedAt = at('2025-01-01T09:00:00Z');
    expect(
      toProgressSummary(
        [
          { lessonId: 'one', startedAt },
          { lessonId: 'two', startedAt },
        ],
        [{ lessonId: 'one', cells: 3 }],
      ),
    ).toEqual({ one: { startedAt, cellsRun: 3 }, two: { startedAt, cellsRun: 0 } });
  });
});
