import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/app/_lib/progress/test-database';

const database = useTestDatabase(beforeAll, afterAll);
const limiter = () => import('./rate-limit.server');

describe('takeRequest', () => {
  it('allows `limit` requests per window, then says when to come back, then starts afresh', async () => {
    database.modules();
    const { takeRequest } = await limiter();
    const key = `test:${randomUUID()}`;
    const rule = { limit: 3, windowMs: 60_000 };
    const start = 1_800_000_000_000 - (1_800_000_000_000 % 60_000);
    const decisions = [];
    for (let i = 0; i < 4; i += 1) decisions.push(await takeRequest(key, rule, start + 45_000));
    expect(decisions).toEqual([{ ok: true }, { ok: true }, { ok: true }, { ok: false, retryAfterSeconds: 15 }]);
    expect(await takeRequest(key, rule, start + 60_000)).toEqual({ ok: true });
    expect(await takeRequest(`test:${randomUUID()}`, rule, start + 45_000)).toEqual({ ok: true });
  });

  it('counts concurrent requests exactly (the count lives in one atomic upsert)', async () => {
    const { takeRequest } = await limiter();
    const key = `test:${randomUUID()}`;
    const decisions = await Promise.all(Array.from({ length: 40 }, () => takeRequest(key, { limit: 25, windowMs: 3_600_000 })));
    expect(decisions.filter((decision) => decision.ok)).toHaveLength(25);
  });
});

describe('checkRequest', () => {
  it('refuses once the window is used up, without counting a request itself', async () => {
    const { checkRequest, takeRequest } = await limiter();
    const key = `test:${randomUUID()}`;
    const rule = { limit: 2, windowMs: 60_000 };
    const start = 1_800_000_000_000 - (1_800_000_000_000 % 60_000);
    for (let i = 0; i < 5; i += 1) expect(await checkRequest(key, rule, start + 30_000)).toEqual({ ok: true });
    expect(await takeRequest(key, rule, start + 30_000)).toEqual({ ok: true });
    expect(await takeRequest(key, rule, start + 30_000)).toEqual({ ok: true });
    expect(await checkRequest(key, rule, start + 30_000)).toEqual({ ok: true });
    expect(await takeRequest(key, rule, start + 30_000)).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(await checkRequest(key, rule, start + 30_000)).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(await checkRequest(key, rule, start + 60_000)).toEqual({ ok: true });
  });
});

describe('countRequest', () => {
  it('counts inside the write\'s transaction: a write that fails takes its count with it', async () => {
    const { countRequest, checkRequest } = await limiter();
    const { groupCommit } = await import('@/app/_lib/progress/group-commit.server');
    const key = `test:${randomUUID()}`;
    const rule = { limit: 1, windowMs: 3_600_000 };
    const failing = groupCommit(async (tx) => {
      await countRequest(tx, key, rule);
      throw new Error('the write failed');
    });
    await expect(failing).rejects.toThrow('the write failed');
    expect(await groupCommit((tx) => countRequest(tx, key, rule))).toEqual({ ok: true });
    expect((await groupCommit((tx) => countRequest(tx, key, rule))).ok).toBe(false);
    expect((await checkRequest(key, rule)).ok).toBe(false);
  });
});

describe('rateLimitKey', () => {
  it('counts by session, else anonymous learner, else address', async () => {
    const { rateLimitKey } = await limiter();
    const anon = randomUUID();
    const request = (headers: Record<string, string>) => new Request('http://x/api/progress', { headers });
    expect(rateLimitKey(request({ cookie: `awaitable_anon=${anon}; better-auth.session_token=tok.sig` }), 'p')).toBe('p:s:tok');
    expect(rateLimitKey(request({ cookie: `awaitable_anon=${anon}` }), 'p')).toBe(`p:a:${anon}`);
    expect(rateLimitKey(request({ 'x-forwarded-for': '203.0.113.9, 10.0.0.1' }), 'p')).toBe('p:ip:203.0.113.9');
  });
});
