import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './test-database';

const database = useTestDatabase(beforeAll, afterAll);

describe('groupCommit', () => {
  it('answers each write with its own result after commit, and one failing write fails only itself', async () => {
    database.modules();
    const { groupCommit } = await import('./group-commit.server');
    const keys = Array.from({ length: 30 }, () => `group:${randomUUID()}`);
    const writes = keys.map((key, index) =>
      groupCommit(async (tx) => {
        if (index === 7) throw new Error('write 7 is refused');
        await tx.rateLimitWindow.create({ data: { key, windowStart: 0, count: index } });
        return index * 2;
      }),
    );
    const outcomes = await Promise.allSettled(writes);
    expect(outcomes[7]).toEqual({ status: 'rejected', reason: new Error('write 7 is refused') });
    const values = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    expect(values).toEqual(keys.map((_, index) => index * 2).filter((value) => value !== 14));
    const stored = await database.db().rateLimitWindow.findMany({ where: { key: { in: keys } }, orderBy: { count: 'asc' } });
    expect(stored.map((row) => row.count)).toEqual(keys.map((_, index) => index).filter((index) => index !== 7));
  });
});
