import { describe, expect, it } from 'vitest';
import {
  cohortOverview,
  commonErrorTypes,
  exerciseStats,
  inactiveLearners,
  learnerRows,
  learnerStatus,
  lessonFunnel,
  median,
} from './dashboard';
import { daysBefore, exercise, learner, snapshot, takenAt } from './test-snapshot';

const started = (lessonId: string, completedAt: Date | null = null) => ({ lessonId, startedAt: daysBefore(10), completedAt });

/** Four learners: one busy, one who finished a week ago to the millisecond, one never seen, one hint-only. */
const cohort = snapshot([
  learner('Ada', {
    lastActiveAt: daysBefore(1),
    lessons: [started('coroutines'), started('old-lesson')],
    exercises: [
      exercise('coroutines', 'interleave', { attempts: 2, passed: true, hintsUsed: 1 }),
      exercise('coroutines', 'heartbeat', { attempts: 3, hintsUsed: 2, lastErrorType: 'AssertionError' }),
      exercise('old-lesson', 'gone', { attempts: 9, lastErrorType: 'KeyError' }),
    ],
    cellRuns: 5,
    cellErrors: 2,
  }),
  learner('Barbara', {
    lastActiveAt: new Date(daysBefore(7).getTime() + 1),
    lessons: [started('coroutines')],
    exercises: [
      exercise('coroutines', 'interleave', { attempts: 1, lastErrorType: 'TypeError' }),
      exercise('coroutines', 'heartbeat', { attempts: 0, hintsUsed: 3, lastAttemptAt: null }),
    ],
    cellRuns: 1,
  }),
  learner('Grace', {
    lastActiveAt: daysBefore(7),
    lessons: [started('coroutines', daysBefore(8))],
    exercises: [
      exercise('coroutines', 'interleave', { attempts: 1, passed: true }),
      exercise('coroutines', 'heartbeat', { attempts: 4, passed: true }),
    ],
    cellRuns: 12,
    cellErrors: 1,
  }),
  learner('Linus'),
]);

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones, of unsorted input', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('lessonFunnel', () => {
  it('counts joined, started, passed an exercise and completed per lesson, in course order', () => {
    expect(lessonFunnel(cohort)).toEqual([
      {
        lessonId: 'coroutines',
        position: 1,
        title: 'What is a coroutine?',
        exerciseCount: 2,
        joined: 4,
        started: 3,
        passedAnExercise: 2,
        completed: 1,
      },
      { lessonId: 'reading', position: 2, title: 'Reading only', exerciseCount: 0, joined: 4, started: 0, passedAnExercise: null, completed: null },
    ]);
  });
});

describe('exerciseStats', () => {
  it('gives both pass rates, the median attempts of those who tried, mean hints and who is stuck', () => {
    const [interleave, heartbeat, ...rest] = exerciseStats(cohort);
    expect(rest).toEqual([]);
    expect(interleave).toMatchObject({
      exerciseId: 'interleave',
      lessonPosition: 1,
      position: 1,
      learners: 4,
      attempted: 3,
      passed: 2,
      stuck: 1,
      medianAttempts: 1,
    });
    expect(interleave?.passRateOfAttempted).toBeCloseTo(2 / 3);
    expect(interleave?.passRateOfLearners).toBe(0.5);
    expect(interleave?.meanHints).toBeCloseTo(1 / 3);
    // Barbara revealed hints without a checked attempt: she counts for hints, not for attempts.
    expect(heartbeat).toMatchObject({ exerciseId: 'heartbeat', position: 2, attempted: 2, passed: 1, stuck: 1, passRateOfAttempted: 0.5, passRateOfLearners: 0.25, medianAttempts: 3.5 });
    expect(heartbeat?.meanHints).toBeCloseTo(5 / 3);
  });

  it('has no rates or medians when nobody has joined or attempted', () => {
    expect(exerciseStats(snapshot([]))[0]).toMatchObject({ learners: 0, attempted: 0, passRateOfAttempted: null, passRateOfLearners: null, medianAttempts: null, meanHints: null });
    expect(exerciseStats(snapshot([learner('Linus')]))[0]).toMatchObject({ learners: 1, passRateOfAttempted: null, passRateOfLearners: 0 });
  });
});

describe('commonErrorTypes', () => {
  it('counts the error types of last failed attempts on current exercises, most frequent first', () => {
    expect(commonErrorTypes(cohort)).toEqual([
      { errorType: 'AssertionError', exercises: 1, learners: 1 },
      { errorType: 'TypeError', exercises: 1, learners: 1 },
    ]);
    const more = snapshot([
      learner('Ada', { exercises: [exercise('coroutines', 'interleave', { lastErrorType: 'TypeError' }), exercise('coroutines', 'heartbeat', { lastErrorType: 'TypeError' })] }),
      learner('Bob', { exercises: [exercise('coroutines', 'interleave', { lastErrorType: 'AssertionError' })] }),
    ]);
    expect(commonErrorTypes(more)).toEqual([
      { errorType: 'TypeError', exercises: 2, learners: 1 },
      { errorType: 'AssertionError', exercises: 1, learners: 1 },
    ]);
  });
});

describe('learnerStatus', () => {
  it('turns inactive at exactly seven days without activity', () => {
    expect(learnerStatus(daysBefore(7), takenAt)).toBe('inactive');
    expect(learnerStatus(new Date(daysBefore(7).getTime() + 1), takenAt)).toBe('active');
    expect(learnerStatus(null, takenAt)).toBe('never-active');
  });
});

describe('learnerRows and inactiveLearners', () => {
  it('sums each learner over the current course and lists the quiet ones, never active first', () => {
    const rows = learnerRows(cohort);
    expect(rows.map((row) => row.name)).toEqual(['Ada', 'Barbara', 'Grace', 'Linus']);
    expect(rows[0]).toMatchObject({
      status: 'active',
      daysInactive: 1,
      lessonsStarted: 1,
      lessonsCompleted: 0,
      exercisesAttempted: 2,
      exercisesPassed: 1,
      hintsUsed: 3,
      cellRuns: 5,
      cellErrors: 2,
    });
    expect(rows[2]).toMatchObject({ status: 'inactive', daysInactive: 7, lessonsCompleted: 1, exercisesPassed: 2 });
    expect(inactiveLearners(rows).map((row) => [row.name, row.status])).toEqual([
      ['Linus', 'never-active'],
      ['Grace', 'inactive'],
    ]);
  });
});

describe('cohortOverview', () => {
  it('sums the headline figures', () => {
    expect(cohortOverview(cohort)).toEqual({
      learners: 4,
      lessons: 2,
      lessonsWithExercises: 1,
      exercises: 2,
      activeThisWeek: 2,
      ranACell: 3,
      passedAnExercise: 2,
      completedALesson: 1,
      inactive: 1,
      neverActive: 1,
      cellRuns: 18,
      cellErrors: 3,
    });
  });

  it('is all zeros for a new cohort', () => {
    expect(cohortOverview(snapshot([]))).toMatchObject({ learners: 0, activeThisWeek: 0, inactive: 0, neverActive: 0, cellRuns: 0 });
    expect(lessonFunnel(snapshot([]))[0]).toMatchObject({ joined: 0, started: 0, passedAnExercise: 0, completed: 0 });
  });
});
