import 'server-only';
import { groupCommit } from '@/app/_lib/progress/group-commit.server';
import { anonymousCookieName } from '@/app/_lib/identity/anonymous-id';

/**
 * Fixed-window request counters kept in the database, so every app instance behind a load
 * balancer counts against the same limit (nothing in process memory). One atomic upsert per
 * request, written with other requests' writes in one commit (group-commit.server.ts): `INSERT ... ON CONFLICT DO UPDATE ... RETURNING`, shared by SQLite and PostgreSQL.
 */
export type RateLimit = { limit: number; windowMs: number };
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export async function takeRequest(key: string, { limit, windowMs }: RateLimit, now = Date.now()): Promise<RateDecision> {
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const rows = await groupCommit((tx) => tx.$queryRaw<Array<{ count: number | bigint }>>`
    INSERT INTO "RateLimitWindow" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitWindow"."windowStart" = excluded."windowStart" THEN "RateLimitWindow"."count" + 1 ELSE 1 END,
      "windowStart" = excluded."windowStart"
    RETURNING "count"`);
  const count = Number(rows[0]?.count ?? 0);
  if (count <= limit) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)) };
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
