import { expect, test } from './fixtures/test';

test.describe('the progress API refuses bad input with a clear message', () => {
  test('a payload with a missing or malformed field gets 400 naming the field', async ({ request, baseURL }) => {
    const headers = { origin: baseURL ?? '', 'content-type': 'application/json' };
    const missing = await request.post('/api/progress', { headers, data: { lessonId: 'what-is-a-coroutine' } });
    expect(missing.status()).toBe(400);
    expect((await missing.json()).error).toMatch(/cellId/);

    const malformed = await request.post('/api/progress', {
      headers,
      data: { lessonId: 'what-is-a-coroutine', cellId: '<script>', status: 'ok' },
    });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error).toMatch(/cellId/);

    const badStatus = await request.post('/api/progress', {
      headers,
      data: { lessonId: 'what-is-a-coroutine', cellId: 'x', status: 'great' },
    });
    expect(badStatus.status()).toBe(400);
    expect((await badStatus.json()).error).toMatch(/status/);

    const notJson = await request.post('/api/progress', { headers, data: Buffer.from('{oops') });
    expect(notJson.status()).toBe(400);
    expect((await notJson.json()).error).toMatch(/JSON/);
  });

  test('an unknown lesson id gets 404, an oversized body 413', async ({ request, baseURL }) => {
    const headers = { origin: baseURL ?? '', 'content-type': 'application/json' };
    const unknown = await request.post('/api/progress', {
      headers,
      data: { lessonId: 'no-such-lesson', cellId: 'x', status: 'ok' },
    });
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error).toMatch(/no-such-lesson/);

    const huge = await request.post('/api/progress', {
      headers,
      data: { lessonId: 'what-is-a-coroutine', cellId: 'x', status: 'ok', padding: 'x'.repeat(10_000) },
    });
    expect(huge.status()).toBe(413);
  });

  test('a cross-origin or opaque-origin request cannot write progress', async ({ request }) => {
    const data = { lessonId: 'what-is-a-coroutine', cellId: 'x', status: 'ok' };
    for (const origin of ['https://evil.example', 'null']) {
      const response = await request.post('/api/progress', { headers: { origin }, data });
      expect(response.status()).toBe(403);
    }
    const withoutOrigin = await request.post('/api/progress', { data });
    expect(withoutOrigin.status()).toBe(403);
  });
});
