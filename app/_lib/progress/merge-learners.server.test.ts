import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from './events';
import { useTestDatabase } from './test-database';

const database = useTestDatabase(beforeAll, afterAll);
const { progress, merge, db } = {
  progress: () => database.modules().progress,
  merge: () => database.modules().merge,
  db: () => database.db(),
};

let clock = Date.UTC(2026, 1, 1);
const at = () => new Date((clock += 1000)).toISOString();
const run = (cellId: string, status: 'ok' | 'error' = 'ok'): ProgressEvent => ({ id: randomUUID(), type: 'cell-run', lessonId: 'l1', cellId, status, at: at() });
const attempt = (exerciseId: string, passed: boolean): ProgressEvent => ({
  id: randomUUID(),
  type: 'exercise-attempt',
  lessonId: 'l1',
  exerciseId,
  passed,
  hintsUsed: passed ? 0 : 1,
  errorType: passed ? null : 'AssertionError',
  at: at(),
});

async function newUser(): Promise<string> {
  const id = randomUUID();
  await db().user.create({ data: { id, name: 'Learner', email: `${id}@example.test` } });
  return id;
}

describe('merging anonymous progress into an account', () => {
  it('hands the anonymous progress to an account that has none', async () => {
    const anon = { anonId: randomUUID() };
    const userId = await newUser();
    await progress().applyEvents(anon, [run('a'), attempt('ex', true)]);
    await merge().mergeAnonymousLearner(anon.anonId, userId);

    expect((await progress().getLessonProgress({ userId }, 'l1')).exercises.ex?.passed).toBe(true);
    // The browser's anonymous id no longer names this progress (signing out leaves nothing behind).
    expect((await progress().getLessonProgress(anon, 'l1')).cells).toEqual({});
  });

  it('merges both sides without losing or doubling anything, and replays still count once', async () => {
    const userId = await newUser();
    const anon = { anonId: randomUUID() };
    await progress().applyEvents({ userId }, [run('a', 'error'), attempt('ex', false), attempt('only-account', true)]);
    const replayed = run('a');
    await progress().applyEvents(anon, [replayed, run('b'), attempt('ex', true), attempt('ex', false)]);
    await progress().saveCellCode({ userId }, { lessonId: 'l1', cellId: 'a', code: 'older', editedAt: new Date(clock - 60_000) });
    await progress().saveCellCode(anon, { lessonId: 'l1', cellId: 'a', code: 'newer', editedAt: new Date(clock) });

    await merge().mergeAnonymousLearner(anon.anonId, userId);
    await merge().mergeAnonymousLearner(anon.anonId, userId); // a second sign-in merges nothing more
    await progress().applyEvents({ userId }, [replayed]); // the anonymous tab's lost acknowledgement

    const merged = await progress().getLessonProgress({ userId }, 'l1');
    expect(merged.cells.a).toMatchObject({ runs: 2, lastStatus: 'ok' });
    expect(merged.cells.b).toMatchObject({ runs: 1 });
    expect(merged.exercises.ex).toEqual({ attempts: 3, passed: true, hintsUsed: 1, lastErrorType: null });
    expect(merged.exercises['only-account']).toMatchObject({ attempts: 1, passed: true });
    expect(merged.code.a?.code).toBe('newer');
    expect(await db().learner.count({ where: { anonId: anon.anonId } })).toBe(0);
    expect(await db().progressEvent.count({ where: { learner: { userId } } })).toBe(7);
  });

  it('never touches another account', async () => {
    const [alice, bob] = [await newUser(), await newUser()];
    const anon = { anonId: randomUUID() };
    await progress().applyEvents(anon, [run('a')]);
    await merge().mergeAnonymousLearner(anon.anonId, alice);
    await progress().applyEvents({ userId: bob }, [run('z')]);
    await merge().mergeAnonymousLearner(anon.anonId, bob);
    expect(Object.keys((await progress().getLessonProgress({ userId: alice }, 'l1')).cells)).toEqual(['a']);
    expect(Object.keys((await progress().getLessonProgress({ userId: bob }, 'l1')).cells)).toEqual(['z']);
  });
});
