import { expect, test } from '@playwright/test';
import { AppServer } from './fixtures/app-server';
import { cellRun, lessonId } from './fixtures/progress-api';

/**
 * Two app instances on one database, as behind a load balancer: the progress API's rate limit is
 * kept in the database, so a learner who spreads requests over both still meets one limit.
 */
test('the rate limit is shared by every instance, answers 429 with Retry-After, and covers reads and writes', async () => {
  test.setTimeout(120_000);
  const build = {
    course: 'e2e/course',
    distDir: process.env.AWAITABLE_E2E_COURSE_DIST_DIR ?? '.next-e2e-course',
    env: { AWAITABLE_PROGRESS_RATE_LIMIT: '6' },
  };
  const first = await AppServer.create('limits', build);
  const second = await AppServer.create('limits-second', { ...build, databaseUrl: first.databaseUrl, migrate: false });
  try {
    const opened = await fetch(`${first.url}/api/progress?lessonId=${lessonId}`);
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const post = (server: AppServer) =>
      fetch(`${server.url}/api/progress`, {
        method: 'POST',
        headers: { origin: server.url, 'content-type': 'application/json', cookie },
        body: JSON.stringify({ events: [cellRun('limited')] }),
      });
    const statuses: number[] = [];
    // The first read had no cookie yet (it counted for the address); these six count for the learner.
    for (const server of [first, second, first, second, first, second]) statuses.push((await post(server)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);

    const refused = await post(second);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error).toMatch(/too many requests/);
    expect((await fetch(`${first.url}/api/progress?lessonId=${lessonId}`, { headers: { cookie } })).status).toBe(429);

    // Another learner is not affected.
    expect((await fetch(`${second.url}/api/progress?lessonId=${lessonId}`)).status).toBe(200);
  } finally {
    await second.stop();
    await first.stop();
  }
});
