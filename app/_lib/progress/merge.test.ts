import { describe, expect, it } from 'vitest';
import {
  applyAttempt,
  applyHint,
  emptyExercise,
  isLessonComplete,
  mergeCell,
  mergeCode,
  mergeExercise,
  mergeLesson,
  mergeRecords,
  uniqueById,
} from './merge';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));

describe('applyAttempt', () => {
  it('counts attempts, and a pass is never lost to a later failure', () => {
    const failed = applyAttempt(undefined, { passed: false, hintsUsed: 0, errorType: 'AssertionError' }, at(1));
    expect(failed).toEqual({ ...emptyExercise(), attempts: 1, lastErrorType: 'AssertionError', lastAttemptAt: at(1) });
    const passed = applyAttempt(failed, { passed: true, hintsUsed: 2, errorType: null }, at(2));
    const failedAgain = applyAttempt(passed, { passed: false, hintsUsed: 1, errorType: 'TypeError' }, at(3));
    expect(failedAgain).toEqual({
      attempts: 3,
      passed: true,
      passedAt: at(2),
      hintsUsed: 2,
      lastErrorType: 'TypeError',
      lastAttemptAt: at(3),
    });
  });

  it('clears the error type on a pass', () => {
    const failed = applyAttempt(undefined, { passed: false, hintsUsed: 0, errorType: 'KeyError' }, at(1));
    expect(applyAttempt(failed, { passed: true, hintsUsed: 0, errorType: 'KeyError' }, at(2)).lastErrorType).toBeNull();
  });
});

describe('applyHint', () => {
  it('only ever raises the number of hints used', () => {
    expect(applyHint(undefined, 2).hintsUsed).toBe(2);
    expect(applyHint(applyHint(undefined, 3), 1).hintsUsed).toBe(3);
    expect(applyHint(undefined, 1).attempts).toBe(0);
  });
});

describe('merging an anonymous learner into an account', () => {
  const account = { attempts: 2, passed: false, passedAt: null, hintsUsed: 1, lastErrorType: 'ValueError', lastAttemptAt: at(5) };
  const anonymous = { attempts: 3, passed: true, passedAt: at(4), hintsUsed: 3, lastErrorType: null, lastAttemptAt: at(4) };

  it('adds attempts, keeps any pass at its first time and the most hints', () => {
    const merged = mergeExercise(account, anonymous);
    expect(merged).toEqual({ attempts: 5, passed: true, passedAt: at(4), hintsUsed: 3, lastErrorType: null, lastAttemptAt: at(5) });
    expect(mergeExercise(anonymous, account)).toEqual(merged);
  });

  it('keeps the latest error when neither side passed', () => {
    const older = { ...account, lastErrorType: 'KeyError', lastAttemptAt: at(1) };
    expect(mergeExercise(older, account).lastErrorType).toBe('ValueError');
    expect(mergeExercise(account, older).lastErrorType).toBe('ValueError');
  });

  it('adds cell runs and keeps the status of the latest run', () => {
    expect(mergeCell({ runs: 2, lastStatus: 'ok', lastRunAt: at(1) }, { runs: 1, lastStatus: 'error', lastRunAt: at(2) })).toEqual({
      runs: 3,
      lastStatus: 'error',
      lastRunAt: at(2),
    });
  });

  it('never un-completes a lesson and keeps the first start and completion', () => {
    expect(mergeLesson({ startedAt: at(3), completedAt: null }, { startedAt: at(1), completedAt: at(2) })).toEqual({
      startedAt: at(1),
      completedAt: at(2),
    });
    expect(mergeLesson({ startedAt: at(1), completedAt: at(9) }, { startedAt: at(2), completedAt: null }).completedAt).toEqual(at(9));
  });

  it('keeps the newest code edit, the account copy on a tie', () => {
    const mine = { code: 'account', editedAt: at(2) };
    expect(mergeCode(mine, { code: 'anonymous', editedAt: at(3) }).code).toBe('anonymous');
    expect(mergeCode(mine, { code: 'anonymous', editedAt: at(1) }).code).toBe('account');
    expect(mergeCode(mine, { code: 'anonymous', editedAt: at(2) }).code).toBe('account');
  });

  it('merges keyed records, keeping keys found on one side only', () => {
    const sum = (a: number, b: number) => a + b;
    expect(mergeRecords({ a: 1, b: 2 }, { b: 3, c: 4 }, sum)).toEqual({ a: 1, b: 5, c: 4 });
  });
});

describe('isLessonComplete', () => {
  it('needs every exercise passed, and at least one exercise', () => {
    const exercises = { a: { passed: true }, b: { passed: false } };
    expect(isLessonComplete(['a'], exercises)).toBe(true);
    expect(isLessonComplete(['a', 'b'], exercises)).toBe(false);
    expect(isLessonComplete(['a', 'missing'], exercises)).toBe(false);
    expect(isLessonComplete([], exercises)).toBe(false);
  });
});

describe('uniqueById', () => {
  it('keeps the first of each id, in order', () => {
    expect(uniqueById([{ id: 'x', n: 1 }, { id: 'y', n: 2 }, { id: 'x', n: 3 }])).toEqual([
      { id: 'x', n: 1 },
      { id: 'y', n: 2 },
    ]);
  });
});
