import { cellRun, exerciseAttempt, lessonId, lessonProgress, sameOrigin, sendEvents } from './fixtures/progress-api';
import { expect, test } from './fixtures/course-test';

test.describe('the progress API refuses bad input with a clear message', () => {
  test('a payload with a missing or malformed field gets 400 naming the field', async ({ request, baseURL }) => {
    const headers = sameOrigin(baseURL);
    const { cellId: _cellId, ...withoutCell } = cellRun('x');
    const missing = await sendEvents(request, baseURL, [withoutCell]);
    expect(missing.status()).toBe(400);
    expect((await missing.json()).error).toMatch(/events\.0\.cellId/);

    const malformed = await sendEvents(request, baseURL, [cellRun('<script>')]);
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error).toMatch(/cellId/);

    const badStatus = await sendEvents(request, baseURL, [cellRun('x'), cellRun('x', { status: 'great' })]);
    expect(badStatus.status()).toBe(400);
    expect((await badStatus.json()).error).toMatch(/events\.1\.status/);

    const noId = await sendEvents(request, baseURL, [cellRun('x', { id: 'not-a-uuid' })]);
    expect((await noId.json()).error).toMatch(/events\.0\.id/);

    const forged = await sendEvents(request, baseURL, [cellRun('x', { anonId: 'someone-else' })]);
    expect(forged.status()).toBe(400);
    expect((await forged.json()).error).toMatch(/anonId/);

    const notJson = await request.post('/api/progress', { headers, data: Buffer.from('{oops') });
    expect(notJson.status()).toBe(400);
    expect((await notJson.json()).error).toMatch(/JSON/);

    const badCode = await request.put('/api/progress/code', { headers, data: { lessonId, cellId: 'x', code: 'print(1)' } });
    expect(badCode.status()).toBe(400);
    expect((await badCode.json()).error).toMatch(/editedAt/);
  });

  test('an unknown lesson id gets 404, an oversized body 413', async ({ request, baseURL }) => {
    const unknown = await sendEvents(request, baseURL, [cellRun('x', { lessonId: 'no-such-lesson' })]);
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error).toMatch(/no-such-lesson/);

    const huge = await request.post('/api/progress', {
      headers: sameOrigin(baseURL),
      data: { events: [cellRun('x')], padding: 'x'.repeat(40_000) },
    });
    expect(huge.status()).toBe(413);
  });

  test('a cross-origin or opaque-origin request cannot write progress or code', async ({ request }) => {
    const edit = { lessonId, cellId: 'x', code: 'print("forged")', editedAt: new Date().toISOString() };
    for (const origin of ['https://evil.example', 'null']) {
      const headers = { origin, 'content-type': 'application/json' };
      expect((await request.post('/api/progress', { headers, data: { events: [cellRun('x')] } })).status()).toBe(403);
      expect((await request.put('/api/progress/code', { headers, data: edit })).status()).toBe(403);
    }
    const sameSiteOtherOrigin = { origin: 'http://127.0.0.1:1', 'sec-fetch-site': 'same-site', 'content-type': 'application/json' };
    expect((await request.post('/api/progress', { headers: sameSiteOtherOrigin, data: { events: [cellRun('x')] } })).status()).toBe(403);
    expect((await request.post('/api/progress', { data: { events: [cellRun('x')] } })).status()).toBe(403);
    expect((await lessonProgress(request)).cells).toEqual({});
  });
});

test.describe('progress events', () => {
  test('a replayed event counts once; exercises keep their pass; completion never regresses', async ({ request, baseURL }) => {
    const first = cellRun('first');
    const replies = await Promise.all([1, 2, 3].map(() => sendEvents(request, baseURL, [first])));
    for (const reply of replies) expect(await reply.json()).toEqual({ accepted: [first.id] });
    await sendEvents(request, baseURL, [first, cellRun('first', { status: 'error' })]);
    expect((await lessonProgress(request)).cells.first).toMatchObject({ runs: 2, lastStatus: 'error' });

    const vocabulary = { lessonId: 'vocabulary' };
    const complete = (exerciseIds: string[]) => ({ id: crypto.randomUUID(), type: 'lesson-completed', lessonId: 'vocabulary', exerciseIds, at: new Date().toISOString() });
    await sendEvents(request, baseURL, [exerciseAttempt('double-it', false, vocabulary), complete(['double-it'])]);
    expect((await lessonProgress(request, 'vocabulary')).completedAt).toBeNull(); // not passed yet

    const fewer = await sendEvents(request, baseURL, [complete([])]);
    expect((await fewer.json()).error).toMatch(/events\.0\.exerciseIds/);
    const wrong = await sendEvents(request, baseURL, [complete(['made-up'])]);
    expect(wrong.status()).toBe(400);
    expect((await wrong.json()).error).toMatch(/exercises of lesson "vocabulary" \(double-it\)/);

    await sendEvents(request, baseURL, [exerciseAttempt('double-it', true, { ...vocabulary, hintsUsed: 1 }), complete(['double-it'])]);
    await sendEvents(request, baseURL, [exerciseAttempt('double-it', false, { ...vocabulary, errorType: 'TypeError' })]);
    const after = await lessonProgress(request, 'vocabulary');
    expect(after.exercises['double-it']).toEqual({ attempts: 3, passed: true, hintsUsed: 1, lastErrorType: 'TypeError' });
    expect(after.completedAt).not.toBeNull();
  });

  test('one learner never reads or changes another learner\'s progress', async ({ playwright, baseURL }) => {
    const alice = await playwright.request.newContext({ baseURL });
    const bob = await playwright.request.newContext({ baseURL });
    const run = cellRun('secret');
    await sendEvents(alice, baseURL, [run]);
    await alice.put('/api/progress/code', {
      headers: sameOrigin(baseURL),
      data: { lessonId, cellId: 'secret', code: 'alice = 1', editedAt: new Date().toISOString() },
    });
    // Bob replays Alice's event id and edits the same cell: it lands in his own progress only.
    await sendEvents(bob, baseURL, [{ ...run, status: 'error' }]);
    await bob.put('/api/progress/code', {
      headers: sameOrigin(baseURL),
      data: { lessonId, cellId: 'secret', code: 'bob = 2', editedAt: new Date(Date.now() + 60_000).toISOString() },
    });
    expect(await lessonProgress(alice)).toMatchObject({ cells: { secret: { runs: 1, lastStatus: 'ok' } }, code: { secret: { code: 'alice = 1' } } });
    expect(await lessonProgress(bob)).toMatchObject({ cells: { secret: { runs: 1, lastStatus: 'error' } }, code: { secret: { code: 'bob = 2' } } });
    // Without a cookie there is nobody's progress to read.
    const stranger = await playwright.request.newContext({ baseURL });
    expect((await lessonProgress(stranger)).cells).toEqual({});
    await Promise.all([alice.dispose(), bob.dispose(), stranger.dispose()]);
  });
});
