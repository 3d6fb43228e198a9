import { randomUUID } from 'node:crypto';
import { createClient } from '@libsql/client';
import pg from 'pg';
import { expect, test } from '@playwright/test';
import { AppServer } from './fixtures/app-server';
import { lessonId } from './fixtures/progress-api';

async function storedEventIds(server: AppServer): Promise<string[]> {
  const query = 'SELECT "eventId" FROM "ProgressEvent"';
  if (server.isSqlite) {
    const database = createClient({ url: `file:${server.databaseFile}` });
    const { rows } = await database.execute(query);
    database.close();
    return rows.map((row) => String(row.eventId));
  }
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ eventId: string }>(query);
  await client.end();
  return rows.map((row) => row.eventId);
}

/** One learner with its own cookie, writing through plain HTTP like a browser tab would. */
async function learner(server: AppServer) {
  const response = await fetch(`${server.url}/api/progress?lessonId=${lessonId}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(cookie).toMatch(/^awaitable_anon=/);
  return cookie;
}

test('every progress write the server acknowledged survives a SIGKILL in the middle of a burst', async () => {
  test.setTimeout(120_000);
  const server = await AppServer.create('durability', {
    course: 'e2e/course',
    distDir: process.env.AWAITABLE_E2E_COURSE_DIST_DIR ?? '.next-e2e-course',
    env: { AWAITABLE_PROGRESS_RATE_LIMIT: '1000000' },
  });
  const acknowledged: string[] = [];
  const acknowledgedBy = new Array<number>(16).fill(0);
  let sent = 0;
  let killed = false;
  const cookies = await Promise.all(Array.from({ length: 16 }, () => learner(server)));

  const writer = async (cookie: string, index: number) => {
    while (!killed) {
      const events = [{ id: randomUUID(), type: 'cell-run', lessonId, cellId: `w${index}`, status: 'ok', at: new Date().toISOString() }];
      sent += 1;
      const response = await fetch(`${server.url}/api/progress`, {
        method: 'POST',
        headers: { origin: server.url, 'content-type': 'application/json', cookie },
        body: JSON.stringify({ events }),
      }).catch(() => null);
      // An acknowledgement is a complete 200 reply: one cut off by the kill does not count.
      const body: { accepted: string[] } | null = response?.ok ? await response.json().catch(() => null) : null;
      if (body) {
        acknowledged.push(...body.accepted);
        acknowledgedBy[index] = (acknowledgedBy[index] ?? 0) + body.accepted.length;
      }
    }
  };
  const writers = cookies.map((cookie, index) => writer(cookie, index));
  await expect.poll(() => acknowledged.length, { timeout: 30_000 }).toBeGreaterThan(300);
  await server.stop('SIGKILL');
  killed = true;
  await Promise.all(writers);
  expect(sent).toBeGreaterThan(acknowledged.length); // some writes were in flight when it died

  // Straight from the database, before the server opens it again.
  const stored = new Set(await storedEventIds(server));
  const lost = acknowledged.filter((id) => !stored.has(id));
  expect(lost).toEqual([]);

  // And the restarted server reports every acknowledged run.
  await server.start();
  for (const [index, cookie] of cookies.entries()) {
    const response = await fetch(`${server.url}/api/progress?lessonId=${lessonId}`, { headers: { cookie } });
    const body: { cells: Record<string, { runs: number }> } = await response.json();
    expect(body.cells[`w${index}`]?.runs ?? 0).toBeGreaterThanOrEqual(acknowledgedBy[index] ?? 0);
  }
  await server.stop();
});
