import { describe, expect, it } from 'vitest';
import { ReadCounter } from './read-limit';

describe('ReadCounter', () => {
  const start = 1_800_000_000_000 - (1_800_000_000_000 % 60_000);

  it('allows `limit` reads per window and key, then says when to come back, then starts afresh', () => {
    const counter = new ReadCounter(() => ({ limit: 2, windowMs: 60_000 }));
    const decisions = [1, 2, 3].map(() => counter.take('a', start + 50_000));
    expect(decisions).toEqual([{ ok: true }, { ok: true }, { ok: false, retryAfterSeconds: 10 }]);
    expect(counter.take('b', start + 50_000)).toEqual({ ok: true });
    expect(counter.take('a', start + 60_000)).toEqual({ ok: true });
  });

  it('follows a changed limit', () => {
    let limit = 1;
    const counter = new ReadCounter(() => ({ limit, windowMs: 60_000 }));
    expect(counter.take('a', start).ok).toBe(true);
    expect(counter.take('a', start).ok).toBe(false);
    limit = 5;
    expect(counter.take('a', start).ok).toBe(true);
  });
});
