import 'server-only';

/**
 * The /bench routes exist only for `npm run bench` (scripts/bench/run.ts), which starts the
 * production server with AWAITABLE_BENCH=1. Read at request time: everywhere else they 404.
 */
export function benchEnabled(): boolean {
  return process.env.AWAITABLE_BENCH === '1';
}

export function notFoundResponse(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
