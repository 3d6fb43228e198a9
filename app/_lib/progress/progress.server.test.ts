import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from './events';
import { applyAttempt, type ExerciseState } from './merge';
import { useTestDatabase } from './test-database';

// A real database (SQLite by default; PostgreSQL when TEST_DATABASE=postgresql), migrated with
// the project's own migrations.
const database = useTestDatabase(beforeAll, afterAll);
const progress = () => database.modules().progress;

const learner = () => ({ anonId: `learner-${randomUUID()}` });
let clock = Date.UTC(2026, 0, 1);
const event = <T extends Omit<ProgressEvent, 'id' | 'at'>>(fields: T) => ({
  ...fields,
  id: randomUUID(),
  at: new Date((clock += 1000)).toISOString(),
});
const run = (lessonId: string, cellId: string, status: 'ok' | 'error' | 'interrupted' | 'timeout' = 'ok') =>
  event({ type: 'cell-run', lessonId, cellId, status } as const);
const attempt = (lessonId: string, exerciseId: string, passed: boolean, hintsUsed = 0, errorType: string | null = null) =>
  event({ type: 'exercise-attempt', lessonId, exerciseId, passed, hintsUsed, errorType } as const);

describe('cell runs', () => {
  it('counts runs per cell, keeps the last status and the first start', async () => {
    const me = learner();
    const first = run('coroutines', 'first');
    await progress().applyEvents(me, [first, run('coroutines', 'first', 'error')]);
    await progress().applyEvents(me, [run('coroutines', 'second', 'timeout')]);

    const { startedAt, cells } = await progress().getLessonProgress(me, 'coroutines');
    expect(startedAt).toEqual(new Date(first.at));
    expect(Object.keys(cells).sort()).toEqual(['first', 'second']);
    expect(cells.first).toMatchObject({ runs: 2, lastStatus: 'error' });
    expect(cells.second).toMatchObject({ runs: 1, lastStatus: 'timeout' });
  });

  it('counts a replayed event once, however often and however concurrently it arrives', async () => {
    const me = learner();
    const once = run('gather', 'busy');
    const distinct = Array.from({ length: 30 }, () => run('gather', 'busy'));
    await Promise.all([
      ...distinct.map((e) => progress().applyEvents(me, [e])),
      ...Array.from({ length: 10 }, () => progress().applyEvents(me, [once])),
    ]);
    await progress().applyEvents(me, [once, ...distinct.slice(0, 5)]);
    expect((await progress().getLessonProgress(me, 'gather')).cells.busy?.runs).toBe(31);
  });

  it('keeps learners apart, even when they send the same event id', async () => {
    const [ada, bob] = [learner(), learner()];
    const shared = run('shared', 'c');
    await progress().applyEvents(ada, [shared, run('shared', 'c')]);
    await progress().applyEvents(bob, [{ ...shared, status: 'error' }]);
    expect((await progress().getLessonProgress(ada, 'shared')).cells.c).toMatchObject({ runs: 2, lastStatus: 'ok' });
    expect((await progress().getLessonProgress(bob, 'shared')).cells.c).toMatchObject({ runs: 1, lastStatus: 'error' });
  });
});

describe('exercises', () => {
  it('follows the pure merge rules: a pass is forever, hints only grow, the last error is kept', async () => {
    const me = learner();
    const attempts = [
      attempt('tasks', 'ex1', false, 1, 'AssertionError'),
      attempt('tasks', 'ex1', true, 2),
      attempt('tasks', 'ex1', false, 0, 'TypeError'),
    ];
    await progress().applyEvents(me, attempts);
    await progress().applyEvents(me, [event({ type: 'hint', lessonId: 'tasks', exerciseId: 'ex1', hintsUsed: 1 } as const)]);

    let expected: ExerciseState | undefined;
    for (const a of attempts) if (a.type === 'exercise-attempt') expected = applyAttempt(expected, a, new Date(a.at));
    const { exercises } = await progress().getLessonProgress(me, 'tasks');
    expect(exercises.ex1).toEqual({ attempts: 3, passed: true, hintsUsed: 2, lastErrorType: 'TypeError' });
    expect(exercises.ex1).toMatchObject({
      attempts: expected?.attempts,
      passed: expected?.passed,
      hintsUsed: expected?.hintsUsed,
      lastErrorType: expected?.lastErrorType,
    });
  });

  it('records hints revealed before any attempt', async () => {
    const me = learner();
    await progress().applyEvents(me, [event({ type: 'hint', lessonId: 'tasks', exerciseId: 'ex2', hintsUsed: 2 } as const)]);
    expect((await progress().getLessonProgress(me, 'tasks')).exercises.ex2).toEqual({
      attempts: 0,
      passed: false,
      hintsUsed: 2,
      lastErrorType: null,
    });
  });

  it('completes a lesson only when every listed exercise passed here, and never un-completes it', async () => {
    const me = learner();
    const completed = () => event({ type: 'lesson-completed' as const, lessonId: 'quiz', exerciseIds: ['a', 'b'] });
    await progress().applyEvents(me, [attempt('quiz', 'a', true), completed()]);
    expect((await progress().getLessonProgress(me, 'quiz')).completedAt).toBeNull();

    const done = completed();
    await progress().applyEvents(me, [attempt('quiz', 'b', true), done]);
    const after = await progress().getLessonProgress(me, 'quiz');
    expect(after.completedAt).toEqual(new Date(done.at));

    await progress().applyEvents(me, [attempt('quiz', 'b', false, 0, 'ValueError'), completed()]);
    const later = await progress().getLessonProgress(me, 'quiz');
    expect(later.completedAt).toEqual(after.completedAt);
    expect(later.exercises.b).toMatchObject({ passed: true, attempts: 2 });
  });
});

describe('reads', () => {
  it('returns nothing for an unknown learner, and creates nobody', async () => {
    const me = learner();
    expect(await progress().getLessonProgress(me, 'coroutines')).toEqual({
      startedAt: null,
      completedAt: null,
      cells: {},
      exercises: {},
      code: {},
    });
    expect(await progress().getProgressSummary(me)).toEqual({});
    expect(await database.db().learner.count({ where: me })).toBe(0);
  });

  it('summarises started lessons: distinct cells run, exercises passed, activity per day', async () => {
    const me = learner();
    await progress().applyEvents(me, ['a', 'b', 'b', 'c'].map((cell) => run('event-loop', cell)));
    await progress().applyEvents(me, [run('async-def', 'a', 'error'), attempt('async-def', 'x', true), attempt('async-def', 'y', false)]);

    expect(await progress().getProgressSummary(me)).toEqual({
      'event-loop': expect.objectContaining({ cellsRun: 3, exercisesPassed: 0, completedAt: null }),
      'async-def': expect.objectContaining({ cellsRun: 1, exercisesPassed: 1 }),
    });
    const activity = await progress().getActivity(me, 7, new Date(clock));
    expect(activity).toHaveLength(7);
    expect(activity.at(-1)).toEqual({ day: new Date(clock).toISOString().slice(0, 10), events: 7 });
  });
});

describe('reads while a write is open', () => {
  it('answer at once with the last commit, and see the write as soon as it is acknowledged', async () => {
    const me = learner();
    await progress().applyEvents(me, [run('open-write', 'cell')]);
    const { groupCommit } = await import('./group-commit.server');
    let finish = () => undefined as void;
    const held = new Promise<void>((resolve) => (finish = resolve));
    let entered = () => undefined as void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const write = groupCommit(async (tx) => {
      await progress().applyEventsIn(tx, me, [run('open-write', 'cell')]);
      entered();
      await held;
    });
    await inside;
    // The write's transaction is open and holds the new run: a read neither waits for it nor sees it.
    const during = await Promise.race([
      progress().getLessonProgress(me, 'open-write'),
      new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 3_000)),
    ]);
    finish();
    await write;
    expect(during === 'waited' ? during : during.cells.cell?.runs).toBe(1);
    expect((await progress().getLessonProgress(me, 'open-write')).cells.cell?.runs).toBe(2);
  });
});

describe('saveCellCode', () => {
  it('keeps the newest edit of each cell, whatever order the saves arrive in', async () => {
    const me = learner();
    const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));
    await progress().saveCellCode(me, { lessonId: 'edits', cellId: 'a', code: 'second', editedAt: at(2) });
    await progress().saveCellCode(me, { lessonId: 'edits', cellId: 'a', code: 'first (arrived late)', editedAt: at(1) });
    await progress().saveCellCode(me, { lessonId: 'edits', cellId: 'b', code: 'other cell', editedAt: at(1) });
    expect((await progress().getLessonProgress(me, 'edits')).code).toEqual({
      a: { code: 'second', editedAt: at(2) },
      b: { code: 'other cell', editedAt: at(1) },
    });
    await progress().saveCellCode(me, { lessonId: 'edits', cellId: 'a', code: 'third', editedAt: at(3) });
    expect((await progress().getLessonProgress(me, 'edits')).code.a?.code).toBe('third');
  });

  it('never shows one learner the code of another', async () => {
    const [alice, bob] = [learner(), learner()];
    await progress().saveCellCode(alice, { lessonId: 'edits', cellId: 'a', code: 'alice', editedAt: new Date() });
    expect((await progress().getLessonProgress(bob, 'edits')).code).toEqual({});
  });
});
