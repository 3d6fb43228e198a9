/**
 * Learner code runs in a kernel hosted by a sandboxed iframe (an opaque origin): it must not
 * be able to act as the learner. Each test runs Python that tries an attack, then checks
 * what the page and the server saw.
 */
import { createServer, type Server } from 'node:http';
import type { Page } from '@playwright/test';
import { cell, output, replaceCode, waitForKernel } from './fixtures/notebook';
import { expect, test } from './fixtures/test';

const lesson = '/learn/what-is-a-coroutine';
const cellId = 'gather-three-sleeps';

/** Reports each attempt as `name: returned <value>` or `name: raised <error type>` (a JavaScript error's name). */
const ATTEMPT = `
import js
from pyodide.ffi import to_js

def attempt(name, action):
    try:
        print(f"{name}: returned {action()!r}")
    except Exception as error:
        kind = type(error).__name__
        print(f"{name}: raised {str(error).split(':')[0] if kind == 'JsException' else kind}")

def js_object(value):
    return to_js(value, dict_converter=js.Object.fromEntries)

def sync_xhr(method, url, body=None):
    request = js.XMLHttpRequest.new()
    request.open(method, url, False)
    request.withCredentials = True
    if body is not None:
        request.setRequestHeader("content-type", "application/json")
    request.send(body)
    return request.status

def send_fetch(url, method="GET", body=None, mode="cors"):
    # The request leaves when fetch() is called. Its promise cannot settle while the cell
    # runs, and Pyodide raises converting it (no asyncio loop runs): that is not a refusal.
    try:
        js.fetch(url, js_object({"method": method, "credentials": "include", "body": body, "mode": mode}))
    except RuntimeError:
        pass
    return "sent"
`;

let runs = 0;

/** Runs `code` in the gather cell and waits until it has finished. */
async function runPython(page: Page, code: string): Promise<string> {
  const marker = `END-${++runs}`;
  await replaceCode(page, cellId, `${code}\nprint("${marker}")`);
  await cell(page, cellId).getByRole('button', { name: `Run cell ${cellId}` }).click();
  await expect(output(page, cellId)).toContainText(marker, { timeout: 30_000 });
  await expect(cell(page, cellId).getByTestId('cell-state')).toContainText('Done');
  return (await output(page, cellId).textContent()) ?? '';
}

/** Opens the lesson and runs a first cell, so the learner has progress and an anonymous cookie. */
async function openLessonAsLearner(page: Page): Promise<string> {
  await page.goto(lesson);
  await waitForKernel(page);
  await runPython(page, 'print("warming up")');
  await expect
    .poll(async () => (await page.context().cookies()).find((cookie) => cookie.name === 'awaitable_anon')?.value)
    .toBeTruthy();
  const cookies = await page.context().cookies();
  return cookies.find((cookie) => cookie.name === 'awaitable_anon')?.value ?? '';
}

async function progressOf(page: Page, lessonId: string) {
  const response = await page.request.get(`/api/progress?lessonId=${lessonId}`);
  expect(response.ok()).toBe(true);
  const body: { cells: Record<string, { runs: number }>; code: Record<string, unknown> } = await response.json();
  return body;
}

test('the kernel runs in a sandboxed frame with an opaque origin, outside the page', async ({ page }) => {
  await page.goto(lesson);
  await waitForKernel(page);
  const frame = page.locator('iframe[title="Python kernel"]');
  await expect(frame).toHaveAttribute('sandbox', 'allow-scripts');
  const text = await runPython(page, `${ATTEMPT}\nprint("origin:", js.self.origin)\nprint("isolated:", js.crossOriginIsolated)`);
  expect(text).toContain('origin: null');
  expect(text).toContain('isolated: True');
});

test('the kernel frame is in the server HTML (it boots while the page hydrates), sandboxed there too, and the page keeps one', async ({ page, request }) => {
  const html = await (await request.get(lesson)).text();
  const frames = html.match(/<iframe[^>]*data-kernel-frame[^>]*>/g) ?? [];
  expect(frames).toHaveLength(1);
  expect(frames[0]).toContain('sandbox="allow-scripts"');
  await page.goto(lesson);
  await waitForKernel(page);
  await expect(page.locator('iframe[title="Python kernel"]')).toHaveCount(1);
  expect(await runPython(page, 'print(6 * 7)')).toContain('42');
});

test("the kernel that takes over after a restart (the frame's spare) is isolated just the same", async ({ page }) => {
  await page.goto(lesson);
  await waitForKernel(page);
  await runPython(page, 'secret = "from the first kernel"');
  // Idle long enough for the frame to boot its spare; the restart takes it over.
  await page.waitForTimeout(3_000);
  await page.getByRole('toolbar', { name: 'Notebook' }).getByRole('button', { name: 'Restart kernel' }).click();
  await waitForKernel(page);
  await expect(page.locator('iframe[title="Python kernel"]')).toHaveCount(1);
  const text = await runPython(
    page,
    `${ATTEMPT}\nprint("origin:", js.self.origin)\nprint("isolated:", js.crossOriginIsolated)\nattempt("secret", lambda: secret)\nattempt("cookie", lambda: js.document.cookie)`,
  );
  expect(text).toContain('origin: null\nisolated: True\nsecret: raised NameError\ncookie: raised AttributeError');
});

test("a cell cannot read the learner's cookies or the app's storage", async ({ page }) => {
  const anonymousId = await openLessonAsLearner(page);
  await page.evaluate(async () => {
    document.cookie = 'visible_probe=COOKIE-SECRET; path=/; samesite=lax';
    localStorage.setItem('storage-probe', 'STORAGE-SECRET');
    sessionStorage.setItem('storage-probe', 'STORAGE-SECRET');
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('idb-probe');
      open.onupgradeneeded = () => open.result.createObjectStore('secrets').put('IDB-SECRET', 'key');
      open.onsuccess = () => (open.result.close(), resolve());
      open.onerror = () => reject(open.error);
    });
  });

  const text = await runPython(
    page,
    `${ATTEMPT}
attempt("document.cookie", lambda: js.document.cookie)
attempt("parent document", lambda: js.parent.document.cookie)
attempt("localStorage", lambda: js.localStorage.getItem("storage-probe"))
attempt("sessionStorage", lambda: js.sessionStorage.getItem("storage-probe"))
attempt("indexedDB", lambda: js.indexedDB.open("idb-probe"))
attempt("caches", lambda: js.caches.keys())
attempt("cookieStore", lambda: js.cookieStore.getAll())`,
  );
  expect(text).toContain(
    [
      'document.cookie: raised AttributeError',
      'parent document: raised AttributeError',
      'localStorage: raised AttributeError',
      'sessionStorage: raised AttributeError',
      'indexedDB: raised SecurityError',
      'caches: raised AttributeError',
      'cookieStore: raised AttributeError',
    ].join('\n'),
  );
  expect(anonymousId).not.toBe('');
  for (const secret of [anonymousId, 'COOKIE-SECRET', 'STORAGE-SECRET', 'IDB-SECRET']) expect(text).not.toContain(secret);
  // The page itself still has all of it.
  expect(await page.evaluate(() => [document.cookie.includes('COOKIE-SECRET'), localStorage.getItem('storage-probe')])).toEqual([
    true,
    'STORAGE-SECRET',
  ]);
});

test('a cell cannot record progress or save code as the learner, and its requests carry no cookie', async ({ page, baseURL }) => {
  // Intercepted requests show the headers the browser sends, cookies included.
  const requests: { url: string; headers: Record<string, string> }[] = [];
  for (const pattern of ['**/api/progress**', '**/pyodide/*probe=*']) {
    await page.context().route(pattern, async (route) => {
      requests.push({ url: route.request().url(), headers: await route.request().allHeaders() });
      await route.continue();
    });
  }
  await openLessonAsLearner(page);
  const forged = JSON.stringify({ lessonId: 'async-def', cellId: 'co-coroutine-flag', status: 'ok' });
  const forgedCode = JSON.stringify({ lessonId: 'async-def', cellId: 'co-coroutine-flag', code: 'HACKED', editedAt: new Date().toISOString() });

  const text = await runPython(
    page,
    `${ATTEMPT}
origin = ${JSON.stringify(baseURL)}
forged = ${JSON.stringify(forged)}
attempt("XHR POST progress", lambda: sync_xhr("POST", origin + "/api/progress", forged))
attempt("XHR PUT code", lambda: sync_xhr("PUT", origin + "/api/progress/code", ${JSON.stringify(forgedCode)}))
attempt("XHR GET progress", lambda: sync_xhr("GET", origin + "/api/progress?lessonId=what-is-a-coroutine"))
attempt("XHR through Pyodide's path", lambda: sync_xhr("POST", origin + "/pyodide/%2e%2e/api/progress", forged))
attempt("fetch POST progress", lambda: send_fetch(origin + "/api/progress", "POST", forged))
# Pyodide's files are the only thing the kernel may request: with no cookie, even when asked for.
attempt("fetch Pyodide file", lambda: send_fetch(origin + "/pyodide/pyodide-lock.json?probe=credentials"))`,
  );
  expect(text).toContain(
    [
      'XHR POST progress: raised NetworkError',
      'XHR PUT code: raised NetworkError',
      'XHR GET progress: raised NetworkError',
      "XHR through Pyodide's path: raised NetworkError",
      "fetch POST progress: returned 'sent'",
      "fetch Pyodide file: returned 'sent'",
    ].join('\n'),
  );

  // Both runs of the page's own cell are recorded (by the page); nothing else is.
  await expect.poll(async () => (await progressOf(page, 'what-is-a-coroutine')).cells[cellId]?.runs).toBe(2);
  expect(Object.keys((await progressOf(page, 'what-is-a-coroutine')).cells)).toEqual([cellId]);
  expect(await progressOf(page, 'async-def')).toMatchObject({ cells: {}, code: {} });

  await expect.poll(() => requests.find((request) => request.url.includes('probe=credentials'))?.headers.origin).toBe('null');
  expect(requests.find((request) => request.url.includes('probe=credentials'))?.headers).not.toHaveProperty('cookie');
  // No request of the kernel reached the progress API; the page's own did, with the cookie.
  const progressRequests = requests.filter((request) => new URL(request.url).pathname.startsWith('/api/progress'));
  expect(progressRequests.filter((request) => request.headers.origin === 'null')).toEqual([]);
  expect(progressRequests.some((request) => request.headers.cookie?.includes('awaitable_anon='))).toBe(true);
});

test('a cell cannot reach another host', async ({ page }) => {
  let hits = 0;
  const other: Server = createServer((_request, response) => {
    hits += 1;
    response.writeHead(200, { 'access-control-allow-origin': '*' }).end('reached');
  });
  other.on('upgrade', (_request, socket) => {
    hits += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  try {
    const address = other.address();
    if (address === null || typeof address === 'string') throw new Error('the other server has no port');
    const url = `http://127.0.0.1:${address.port}`;
    expect(await (await fetch(`${url}/control`)).text()).toBe('reached'); // the server answers
    hits = 0;

    await page.goto(lesson);
    await waitForKernel(page);
    const text = await runPython(
      page,
      `${ATTEMPT}
other = ${JSON.stringify(url)}
attempt("XHR GET", lambda: sync_xhr("GET", other + "/xhr"))
attempt("XHR POST", lambda: sync_xhr("POST", other + "/xhr", "{}"))
attempt("fetch", lambda: send_fetch(other + "/fetch"))
attempt("fetch no-cors", lambda: send_fetch(other + "/no-cors", mode="no-cors"))
attempt("WebSocket", lambda: js.WebSocket.new(other.replace("http", "ws") + "/ws"))
attempt("EventSource", lambda: js.EventSource.new(other + "/events"))
script = js.Blob.new(to_js([f"fetch('{other}/nested-worker')"]), js_object({"type": "text/javascript"}))
attempt("nested worker", lambda: js.Worker.new(js.URL.createObjectURL(script)))`,
    );
      expect(text).toContain('XHR GET: raised NetworkError\nXHR POST: raised NetworkError');
    // Give the asynchronous attempts time to fail (or, wrongly, to arrive).
    await page.waitForTimeout(1_500);
    expect(hits).toBe(0);
  } finally {
    await new Promise((resolve) => other.close(resolve));
  }
});

test('messages a cell forges reach the page as untrusted text at most, and the real result still arrives', async ({ page }) => {
  await page.goto(lesson);
  await waitForKernel(page);
  const html = `<img src=x onerror="document.title='pwned'"><b class="forged">FORGED</b>`;
  await replaceCode(
    page,
    cellId,
    `${ATTEMPT}
html = ${JSON.stringify(html)}
def post(message):
    js.self.postMessage(js_object(message))
for run_id in ["0", "1", "run-1", "00000000-0000-4000-8000-000000000000"]:
    post({"v": 1, "type": "kernel.stream", "runId": run_id, "name": "stdout", "text": html})
    post({"v": 1, "type": "kernel.result", "runId": run_id, "status": "ok", "value": html})
    post({"v": 1, "type": "kernel.result", "runId": run_id, "status": "error",
          "error": {"type": "Forged", "message": html, "traceback": html}})
# Messages of the frame's own protocol, as if the frame had sent them.
post({"v": 1, "type": "frame.exit", "worker": 0, "reason": "FORGED exit"})
post({"v": 1, "type": "frame.event", "worker": 0,
      "event": {"v": 1, "type": "kernel.result", "runId": "0", "status": "ok", "value": html}})
post({"v": 1, "type": "frame.loaded"})
post(html)
attempt("parent", lambda: js.parent.postMessage(html, "*"))
attempt("top", lambda: js.top.postMessage(html, "*"))
attempt("opener", lambda: js.opener.postMessage(html, "*"))
print("real output")
"REAL-RESULT"`,
  );
  await cell(page, cellId).getByRole('button', { name: `Run cell ${cellId}` }).click();
  const log = output(page, cellId);
  await expect(log).toContainText("'REAL-RESULT'", { timeout: 30_000 });
  await expect(cell(page, cellId).getByTestId('cell-state')).toContainText('Done');
  await expect(log).toContainText('parent: raised AttributeError\ntop: raised AttributeError\nopener: raised AttributeError\nreal output');
  await expect(log).not.toContainText('FORGED');
  await expect(log.locator('img, b')).toHaveCount(0);
  await expect(page.locator('b.forged')).toHaveCount(0);
  expect(await page.title()).not.toBe('pwned');
  await expect(page.getByRole('status', { name: 'Kernel status' })).toContainText('Python ready');
});

test('Interrupt reaches the kernel through the frame, and the kernel keeps its state', async ({ page }) => {
  await page.goto(lesson);
  await waitForKernel(page);
  await runPython(page, 'kept = "still here"');
  await replaceCode(page, cellId, 'print("spinning", flush=True)\nwhile True:\n    pass');
  await cell(page, cellId).getByRole('button', { name: `Run cell ${cellId}` }).click();
  await expect(output(page, cellId)).toContainText('spinning', { timeout: 30_000 });
  await cell(page, cellId).getByRole('button', { name: `Interrupt cell ${cellId}` }).click();
  await expect(output(page, cellId)).toContainText('KeyboardInterrupt', { timeout: 5_000 });
  await expect(cell(page, cellId).getByTestId('cell-state')).toContainText('Interrupted');
  expect(await runPython(page, 'print(kept)')).toContain('still here');
});

test.describe('the kernel frame and its files', () => {
  test('the frame is served with a policy that allows only the kernel and Pyodide', async ({ request, baseURL }) => {
    const host = new URL(baseURL ?? '').host;
    const frame = await request.get('/kernel/frame.html');
    expect(frame.status()).toBe(200);
    const policy = frame.headers()['content-security-policy'] ?? '';
    expect(policy.split('; ')).toEqual(
      expect.arrayContaining([
        "default-src 'none'",
        `script-src ${host}/kernel/ ${host}/pyodide/ 'wasm-unsafe-eval'`,
        `connect-src ${host}/pyodide/`,
        'worker-src blob:',
        'sandbox allow-scripts',
      ]),
    );
    expect(frame.headers()['cross-origin-embedder-policy']).toBe('require-corp');
    for (const path of ['/kernel/kernel.frame.js', '/kernel/kernel.worker.js', '/pyodide/pyodide.mjs']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()).toMatchObject({
        'access-control-allow-origin': '*',
        'cross-origin-resource-policy': 'cross-origin',
      });
    }
  });

  test("no request under the frame's allowed paths redirects out of them", async ({ request }) => {
    // After a redirect, CSP no longer checks the path: a redirect out of /pyodide/ would let
    // the kernel reach the rest of the site.
    for (const prefix of ['/pyodide/', '/kernel/']) {
      for (const rest of ['x/', '/api/progress', '..%2fapi%2fprogress/', '%2fexample.com/', '..%2f..%2f%2fexample.com/', 'pyodide.mjs/']) {
        const response = await request.get(`${prefix}${rest}`, { maxRedirects: 0 });
        const location = response.headers().location;
        if (location !== undefined) expect(new URL(location, 'http://app.test').pathname, `${prefix}${rest}`).toMatch(new RegExp(`^${prefix}`));
      }
    }
  });
});
