import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runPrisma } from '@/scripts/prisma/run-prisma.mjs';

// A real SQLite database in a temp folder, migrated with the project's own migrations.
let dir: string;
let progress: typeof import('./progress.server');
let db: typeof import('@/app/_lib/db.server').db;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'awaitable-progress-'));
  const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, 'nested', 'progress.db')}` };
  if (!existsSync(path.join(projectRoot, 'app/_generated/prisma/client.ts'))) {
    const generated = await runPrisma(['generate'], { env });
    if (generated.code !== 0) throw new Error(`prisma generate failed:\n${generated.output}`);
  }
  const migrated = await runPrisma(['migrate', 'deploy'], { env });
  if (migrated.code !== 0) throw new Error(`prisma migrate deploy failed:\n${migrated.output}`);
  process.env.DATABASE_URL = env.DATABASE_URL;
  progress = await import('./progress.server');
  ({ db } = await import('@/app/_lib/db.server'));
});

afterAll(async () => {
  await db?.$disconnect();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const learner = () => `learner-${randomUUID()}`;

describe('recordCellRun', () => {
  it('counts runs per cell and keeps the last status', async () => {
    const anonId = learner();
    await progress.recordCellRun({ anonId, lessonId: 'coroutines', cellId: 'first', status: 'ok' });
    await progress.recordCellRun({ anonId, lessonId: 'coroutines', cellId: 'first', status: 'error' });
    await progress.recordCellRun({ anonId, lessonId: 'coroutines', cellId: 'second', status: 'timeout' });

    const { startedAt, cells } = await progress.getLessonProgress(anonId, 'coroutines');
    expect(startedAt).toBeInstanceOf(Date);
    expect(Object.keys(cells).sort()).toEqual(['first', 'second']);
    expect(cells.first).toMatchObject({ runs: 2, lastStatus: 'error' });
    expect(cells.first?.lastRunAt).toBeInstanceOf(Date);
    expect(cells.second).toMatchObject({ runs: 1, lastStatus: 'timeout' });
  });

  it('keeps the time the lesson was first started', async () => {
    const anonId = learner();
    await progress.recordCellRun({ anonId, lessonId: 'tasks', cellId: 'a', status: 'ok' });
    const first = await progress.getLessonProgress(anonId, 'tasks');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await progress.recordCellRun({ anonId, lessonId: 'tasks', cellId: 'b', status: 'interrupted' });
    const later = await progress.getLessonProgress(anonId, 'tasks');

    expect(later.startedAt).toEqual(first.startedAt);
    expect(later.cells.b?.lastRunAt.getTime()).toBeGreaterThan(first.startedAt?.getTime() ?? Infinity);
  });

  it('loses no increment under 50 concurrent runs of the same cell', async () => {
    const anonId = learner();
    const run = { anonId, lessonId: 'gather', cellId: 'busy', status: 'ok' } as const;
    await Promise.all(Array.from({ length: 50 }, () => progress.recordCellRun(run)));

    const { cells } = await progress.getLessonProgress(anonId, 'gather');
    expect(cells.busy?.runs).toBe(50);
    expect(await db.learner.count({ where: { anonId } })).toBe(1);
  });

  it('keeps learners apart', async () => {
    const [ada, bob] = [learner(), learner()];
    await progress.recordCellRun({ anonId: ada, lessonId: 'shared', cellId: 'c', status: 'ok' });
    await progress.recordCellRun({ anonId: ada, lessonId: 'shared', cellId: 'c', status: 'ok' });
    await progress.recordCellRun({ anonId: bob, lessonId: 'shared', cellId: 'c', status: 'error' });

    expect((await progress.getLessonProgress(ada, 'shared')).cells.c).toMatchObject({ runs: 2, lastStatus: 'ok' });
    expect((await progress.getLessonProgress(bob, 'shared')).cells.c).toMatchObject({ runs: 1, lastStatus: 'error' });
    expect(await progress.getProgressSummary(bob)).toEqual({ shared: { startedAt: expect.any(Date), cellsRun: 1 } });
  });
});

describe('reads', () => {
  it('returns nothing for an unknown learner, and creates nobody', async () => {
    const anonId = learner();
    expect(await progress.getLessonProgress(anonId, 'coroutines')).toEqual({ startedAt: null, cells: {}, code: {} });
    expect(await progress.getProgressSummary(anonId)).toEqual({});
    expect(await db.learner.count({ where: { anonId } })).toBe(0);
  });

  it('summarises started lessons with the number of distinct cells run', async () => {
    const anonId = learner();
    for (const cellId of ['a', 'b', 'b', 'c']) {
      await progress.recordCellRun({ anonId, lessonId: 'event-loop', cellId, status: 'ok' });
    }
    await progress.recordCellRun({ anonId, lessonId: 'async-def', cellId: 'a', status: 'error' });

    expect(await progress.getProgressSummary(anonId)).toEqual({
      'event-loop': { startedAt: expect.any(Date), cellsRun: 3 },
      'async-def': { startedAt: expect.any(Date), cellsRun: 1 },
    });
    expect((await progress.getLessonProgress(anonId, 'other')).startedAt).toBeNull();
  });
});

describe('the database', () => {
  it('runs in WAL mode with a busy timeout', async () => {
    expect(await db.$queryRawUnsafe('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await db.$queryRawUnsafe('PRAGMA busy_timeout')).toEqual([{ timeout: 5000 }]);
  });
});

describe('saveCellCode', () => {
  it('keeps the newest edit of each cell, whatever order the saves arrive in', async () => {
    const anonId = learner();
    const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));
    await progress.saveCellCode({ anonId, lessonId: 'edits', cellId: 'a', code: 'second', editedAt: at(2) });
    await progress.saveCellCode({ anonId, lessonId: 'edits', cellId: 'a', code: 'first (arrived late)', editedAt: at(1) });
    await progress.saveCellCode({ anonId, lessonId: 'edits', cellId: 'b', code: 'other cell', editedAt: at(1) });
    const { code } = await progress.getLessonProgress(anonId, 'edits');
    expect(code).toEqual({
      a: { code: 'second', editedAt: at(2) },
      b: { code: 'other cell', editedAt: at(1) },
    });
    await progress.saveCellCode({ anonId, lessonId: 'edits', cellId: 'a', code: 'third', editedAt: at(3) });
    expect((await progress.getLessonProgress(anonId, 'edits')).code.a?.code).toBe('third');
  });

  it('never shows one learner the code of another', async () => {
    const [alice, bob] = [learner(), learner()];
    await progress.saveCellCode({ anonId: alice, lessonId: 'edits', cellId: 'a', code: 'alice', editedAt: new Date() });
    expect((await progress.getLessonProgress(bob, 'edits')).code).toEqual({});
  });
});
