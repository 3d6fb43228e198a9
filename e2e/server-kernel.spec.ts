import { randomUUID } from 'node:crypto';
import { RunStreamEvent, type RunStreamEvent as Event } from '../runtime/server/protocol';
import { AppServer } from './fixtures/app-server';
import { expect, test } from './fixtures/test';

const lessonId = 'what-is-a-coroutine';
const learnerCookie = () => `awaitable_anon=${randomUUID()}`;

function parseEvents(text: string): Event[] {
  return text.trim().split('\n').map((line) => RunStreamEvent.parse(JSON.parse(line)));
}

test.describe('the server kernel API', () => {
  test('reports that the sandbox works here', async ({ request }) => {
    const status = await request.get('/api/server-kernel/status');
    expect(status.status()).toBe(200);
    expect(await status.json()).toEqual({ v: 1, available: true });
  });

  test('streams a run as it goes: output arrives before the run ends', async ({ baseURL }) => {
    const started = Date.now();
    const response = await fetch(`${baseURL}/api/server-kernel/run`, {
      method: 'POST',
      headers: { origin: baseURL ?? '', 'content-type': 'application/json', cookie: learnerCookie() },
      body: JSON.stringify({
        lessonId,
        cellId: 'threads-demo',
        setup: ['import threading, time'],
        code: 'print("first", flush=True)\ntime.sleep(0.8)\nprint("threads:", threading.active_count())',
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let firstOutputAt = 0;
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
      if (!firstOutputAt && text.includes('first')) firstOutputAt = Date.now() - started;
    }
    const endedAt = Date.now() - started;
    expect(endedAt - firstOutputAt).toBeGreaterThan(500); // "first" arrived while the run slept
    const events = parseEvents(text);
    expect(events.map((event) => event.type)).toEqual(['run.accepted', 'run.started', 'run.stream', 'run.stream', 'run.end']);
    expect(events.filter((event) => event.type === 'run.stream').map((event) => event.text).join('')).toBe('first\nthreads: 1\n');
    expect(events.at(-1)).toMatchObject({ type: 'run.end', end: { reason: 'finished', exitCode: 0 } });
  });

  test('answers 429 with Retry-After past the per-learner limit; Interrupt ends the runs', async ({ request, baseURL }) => {
    const headers = { origin: baseURL ?? '', 'content-type': 'application/json', cookie: learnerCookie() };
    const long = { lessonId, cellId: 'sleepy', setup: [], code: 'import time\nprint("sleeping", flush=True)\ntime.sleep(30)' };
    const runs = [0, 1].map(async () => {
      const response = await fetch(`${baseURL}/api/server-kernel/run`, { method: 'POST', headers, body: JSON.stringify(long) });
      const reader = response.body?.getReader();
      const first = await reader?.read();
      const accepted = parseEvents(new TextDecoder().decode(first?.value))[0];
      return { accepted, reader };
    });
    const [one, two] = await Promise.all(runs);
    const third = await request.post('/api/server-kernel/run', { headers, data: long });
    expect(third.status()).toBe(429);
    expect(Number(third.headers()['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await third.json()).error).toMatch(/already have 2 server runs going.*Retry in \d+ s/);

    for (const run of [one, two]) {
      if (run?.accepted?.type !== 'run.accepted') throw new Error('no run id');
      const stranger = await request.post('/api/server-kernel/interrupt', {
        headers: { ...headers, cookie: learnerCookie() },
        data: { v: 1, runId: run.accepted.runId },
      });
      expect(stranger.status()).toBe(404);
      const interrupt = await request.post('/api/server-kernel/interrupt', { headers, data: { v: 1, runId: run.accepted.runId } });
      expect(interrupt.status()).toBe(200);
      let rest = '';
      for (;;) {
        const chunk = await run.reader?.read();
        if (!chunk || chunk.done) break;
        rest += new TextDecoder().decode(chunk.value);
      }
      expect(parseEvents(rest).at(-1)).toMatchObject({ type: 'run.end', end: { reason: 'interrupted' } });
    }
  });

  test('refuses bad input with 400 naming the field, and other origins with 403', async ({ request, baseURL }) => {
    const headers = { origin: baseURL ?? '', 'content-type': 'application/json' };
    const valid = { lessonId, cellId: 'c', code: 'print(1)', setup: [] };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...valid, code: undefined }, /code/],
      [{ ...valid, cellId: '<script>' }, /cellId/],
      [{ ...valid, setup: 'import time' }, /setup/],
      [{ ...valid, setup: [1] }, /setup\.0/],
      [{ ...valid, extra: true }, /extra/],
    ];
    for (const [data, field] of cases) {
      const response = await request.post('/api/server-kernel/run', { headers, data });
      expect(response.status()).toBe(400);
      expect((await response.json()).error).toMatch(field);
    }
    const notJson = await request.post('/api/server-kernel/run', { headers, data: Buffer.from('{oops') });
    expect(notJson.status()).toBe(400);
    const unknownLesson = await request.post('/api/server-kernel/run', { headers, data: { ...valid, lessonId: 'no-such-lesson' } });
    expect(unknownLesson.status()).toBe(404);
    const huge = await request.post('/api/server-kernel/run', { headers, data: { ...valid, setup: Array(6).fill('x'.repeat(99_000)) } });
    expect(huge.status()).toBe(413);
    for (const origin of ['https://evil.example', 'null']) {
      const response = await request.post('/api/server-kernel/run', { headers: { ...headers, origin }, data: valid });
      expect(response.status()).toBe(403);
    }
    const badInterrupt = await request.post('/api/server-kernel/interrupt', { headers, data: { v: 1, runId: '../../etc' } });
    expect(badInterrupt.status()).toBe(400);
    expect((await badInterrupt.json()).error).toMatch(/runId/);
  });

  test('a client that goes away ends its run and frees its place', async ({ request, baseURL }) => {
    const headers = { origin: baseURL ?? '', 'content-type': 'application/json', cookie: learnerCookie() };
    const long = { lessonId, cellId: 'sleepy', setup: [], code: 'import time\nprint("sleeping", flush=True)\ntime.sleep(30)' };
    for (const _ of [1, 2]) {
      const abort = new AbortController();
      const response = await fetch(`${baseURL}/api/server-kernel/run`, { method: 'POST', headers, body: JSON.stringify(long), signal: abort.signal });
      await response.body?.getReader().read(); // accepted: the run is going
      abort.abort();
    }
    // Both runs are gone: this learner may start two more at once (else the second would get 429).
    await expect(async () => {
      const quick = { ...long, code: 'print("ok")' };
      const [one, two] = await Promise.all([0, 1].map(() => request.post('/api/server-kernel/run', { headers, data: quick })));
      expect([one?.status(), two?.status()]).toEqual([200, 200]);
    }).toPass({ timeout: 5000 });
  });
});

test.describe('without bubblewrap the server kernel fails closed', () => {
  let server: AppServer;
  test.beforeAll(async () => {
    process.env.AWAITABLE_BWRAP = '/nonexistent/bwrap'; // AppServer hands our environment to `next start`
    try {
      server = await AppServer.create('server-kernel-no-bwrap', {
        ...(process.env.AWAITABLE_E2E_DIST_DIR ? { distDir: process.env.AWAITABLE_E2E_DIST_DIR } : {}),
      });
    } finally {
      delete process.env.AWAITABLE_BWRAP;
    }
  });
  test.afterAll(async () => server?.stop());

  test('status says what to install, and a run gets 503 with that reason, never running the code', async ({ request }) => {
    const status = await request.get(`${server.url}/api/server-kernel/status`);
    const body = await status.json();
    expect(body).toMatchObject({ v: 1, available: false });
    expect(body.reason).toMatch(/apt-get install bubblewrap/);
    const run = await request.post(`${server.url}/api/server-kernel/run`, {
      headers: { origin: server.url, 'content-type': 'application/json' },
      data: { lessonId, cellId: 'c', code: 'print("ran anyway")', setup: [] },
    });
    expect(run.status()).toBe(503);
    expect((await run.json()).error).toMatch(/bubblewrap/);
  });
});
