import type { RateDecision, RateLimit } from './rate-limit.server';

/** Past this many keys in one window the counter starts the window afresh (memory stays bounded). */
const MAX_KEYS = 100_000;

/**
 * A fixed-window counter in this process's memory, for reads of the progress API. Reads change
 * nothing, so counting them in the database (a write per read) would cost more than it protects:
 * each instance limits the reads it serves itself. Behind N instances a learner may read up to N
 * times the limit; writes are still limited across every instance (rate-limit.server.ts), and
 * a learner whose shared window is used up is refused reads too. Nothing here is needed for
 * correctness: a restart or another instance only starts the count afresh.
 */
export class ReadCounter {
  private windowStart = -1;
  private readonly counts = new Map<string, number>();

  constructor(private readonly rule: () => RateLimit) {}

  take(key: string, now = Date.now()): RateDecision {
    const { limit, windowMs } = this.rule();
    const windowStart = Math.floor(now / windowMs) * windowMs;
    if (windowStart !== this.windowStart || this.counts.size >= MAX_KEYS) {
      this.windowStart = windowStart;
      this.counts.clear();
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count <= limit) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)) };
  }
}
