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

  it("never has one learner's writes in two open transactions at once, so they cannot wait on each other's locks", async () => {
    const { groupCommit } = await import('./group-commit.server');
    const key = `learner:${randomUUID()}`;
    // Jobs of one batch share its transaction client: count the distinct transactions open.
    const open = new Map<unknown, number>();
    let most = 0;
    const writes = Array.from({ length: 24 }, (_, index) =>
      groupCommit(async (tx) => {
        open.set(tx, (open.get(tx) ?? 0) + 1);
        most = Math.max(most, open.size);
        await tx.rateLimitWindow.upsert({
          where: { key },
          create: { key, windowStart: 0, count: 1 },
          update: { count: { increment: 1 } },
        });
        await new Promise((resolve) => setTimeout(resolve, index % 3));
        return tx;
      }, key).then((tx) => {
        const left = (open.get(tx) ?? 1) - 1;
        if (left === 0) open.delete(tx);
        else open.set(tx, left);
      }),
    );
    // Other learners' writes in between (on PostgreSQL they take other lanes, in parallel).
    const others = Array.from({ length: 24 }, () => groupCommit(async () => 'other', `learner:${randomUUID()}`));
    await Promise.all([...writes, ...others]);
    expect(most).toBe(1);
    const row = await database.db().rateLimitWindow.findUnique({ where: { key } });
    expect(row?.count).toBe(24);
  });
});
