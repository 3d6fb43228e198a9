import 'server-only';
import { readDb } from '@/app/_lib/db.server';
import { groupCommit, type Tx } from '@/app/_lib/progress/group-commit.server';
import { anonymousCookieName } from '@/app/_lib/identity/anonymous-id';

/**
 * Fixed-window request counters kept in the database, so every app instance behind a load
 * balancer counts against the same limit (nothing in process memory). A write counts itself in
 * the transaction that holds the write (`countRequest`): one atomic
 * `INSERT ... ON CONFLICT DO UPDATE ... RETURNING`, shared by SQLite and PostgreSQL, and no
 * commit of its own. A read only looks at the counter (`checkRequest`): a learner who has used
 * up the window is refused reads too, without a read costing a write.
 */
export type RateLimit = { limit: number; windowMs: number };
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

const windowOf = (now: number, windowMs: number) => Math.floor(now / windowMs) * windowMs;

function decide(count: number, { limit, windowMs }: RateLimit, now: number): RateDecision {
  if (count <= limit) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((windowOf(now, windowMs) + windowMs - now) / 1000)) };
}

/** Counts one request for `key` inside the caller's transaction and says whether it is allowed. */
export async function countRequest(tx: Tx, key: string, rule: RateLimit, now = Date.now()): Promise<RateDecision> {
  const windowStart = windowOf(now, rule.windowMs);
  const rows = await tx.$queryRaw<Array<{ count: number | bigint }>>`
    INSERT INTO "RateLimitWindow" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitWindow"."windowStart" = excluded."windowStart" THEN "RateLimitWindow"."count" + 1 ELSE 1 END,
      "windowStart" = excluded."windowStart"
    RETURNING "count"`;
  return decide(Number(rows[0]?.count ?? 0), rule, now);
}

/** Counts one request for `key` in a commit of its own (grouped with other writes). */
export function takeRequest(key: string, rule: RateLimit, now = Date.now()): Promise<RateDecision> {
  return groupCommit((tx) => countRequest(tx, key, rule, now), key);
}

/** Whether `key` still has requests left in this window, without counting one (no write). */
export async function checkRequest(key: string, rule: RateLimit, now = Date.now()): Promise<RateDecision> {
  const row = await readDb.rateLimitWindow.findUnique({ where: { key }, select: { windowStart: true, count: true } });
  if (row === null || Number(row.windowStart) !== windowOf(now, rule.windowMs)) return { ok: true };
  // Refused once the window's count has gone past the limit (the refused write counted too).
  return decide(row.count, rule, now);
}

/** Requests per minute one learner (or one address without a cookie) may make to the progress API. */
export function progressRateLimit(): RateLimit {
  const perMinute = Number(process.env.AWAITABLE_PROGRESS_RATE_LIMIT ?? '');
  return { limit: Number.isInteger(perMinute) && perMinute > 0 ? perMinute : 600, windowMs: 60_000 };
}

/**
 * Who the limit counts: the anonymous learner's cookie or the session cookie when there is one
 * (a learner cannot escape the limit by dropping it: then the address counts), else the client
 * address the load balancer reports.
 */
export function rateLimitKey(request: Request, bucket: string): string {
  const cookies = request.headers.get('cookie') ?? '';
  const session = /better-auth\.session_token=([^;.]+)/.exec(cookies)?.[1];
  const anon = new RegExp(`${anonymousCookieName}=([0-9a-f-]{36})`).exec(cookies)?.[1];
  const address = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'direct';
  return `${bucket}:${session ? `s:${session}` : anon ? `a:${anon}` : `ip:${address}`}`;
}
