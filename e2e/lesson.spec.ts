import { expect, test } from './fixtures/test';

test('the home page lists the lessons with their titles and summaries', async ({ page }) => {
  await page.goto('/');
  const lessons = page.getByRole('list').getByRole('listitem');
  await expect(lessons.first()).toBeVisible();
  await expect(page.getByRole('link', { name: '1. What is a coroutine?' })).toBeVisible();
  await expect(page.getByText('Coroutines are functions that can pause and resume.')).toBeVisible();
  await expect(page.getByRole('link', { name: '2. async def and coroutine objects' })).toBeVisible();
});

test('an unknown lesson shows the 404 page', async ({ page }) => {
  const response = await page.goto('/learn/no-such-lesson');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('the code of every cell is readable before any script runs', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto('/learn/what-is-a-coroutine');
  await expect(page.getByRole('heading', { name: 'What is a coroutine?', level: 1 })).toBeVisible();
  const cell = page.getByRole('region', { name: 'Cell gather-three-sleeps' });
  await expect(cell).toContainText('await asyncio.gather(wait("a", 1), wait("b", 1), wait("c", 1))');
  await context.close();
});

test('the lesson page is cross-origin isolated and serves Pyodide from our own server', async ({ page }) => {
  const requestedHosts = new Set<string>();
  page.on('request', (request) => {
    // The kernel frame starts its worker from a blob: URL, which is no request to any host.
    const url = new URL(request.url());
    if (url.protocol !== 'blob:') requestedHosts.add(url.host);
  });
  await page.goto('/learn/what-is-a-coroutine');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.getByRole('status', { name: 'Kernel status' })).toContainText('Python ready', { timeout: 30_000 });
  expect([...requestedHosts]).toEqual([new URL(page.url()).host]);
});

test('a learner runs the gather cell, sees its output after about a second, and the run is saved', async ({
  page,
  app,
}) => {
  await page.goto('/learn/what-is-a-coroutine');
  await expect(page.getByText('Not started', { exact: true })).toBeVisible();
  const cell = page.getByRole('region', { name: 'Cell gather-three-sleeps' });
  await expect(cell.getByText('Not run yet')).toBeVisible();

  await cell.getByRole('button', { name: 'Run cell gather-three-sleeps' }).click();
  const output = cell.getByRole('log', { name: 'Output of cell gather-three-sleeps' });
  await expect(output).toContainText("finished ['a', 'b', 'c'] in", { timeout: 30_000 });
  await expect(output).toContainText('a: waiting 1 s\nb: waiting 1 s\nc: waiting 1 s\na: done\nb: done\nc: done');
  const elapsed = Number(/in (\d+\.\d) s/.exec((await output.textContent()) ?? '')?.[1]);
  expect(elapsed).toBeGreaterThanOrEqual(1.0);
  expect(elapsed).toBeLessThan(1.5);

  await expect(cell.getByText('Run 1 time, last ok')).toBeVisible();
  await expect(page.getByText('Started', { exact: true })).toBeVisible();

  await page.reload();
  await expect(page.getByText('Started', { exact: true })).toBeVisible();
  await expect(cell.getByText('Run 1 time, last ok')).toBeVisible();

  await app.restart();
  await page.goto('/');
  const lessonItem = page.getByRole('listitem').filter({ hasText: 'What is a coroutine?' });
  await expect(lessonItem.getByText('Started')).toBeVisible();
  await page.getByRole('link', { name: '1. What is a coroutine?' }).click();
  await expect(cell.getByText('Run 1 time, last ok')).toBeVisible();
});

test('an error in a cell shows the traceback and is saved as an error run', async ({ page }) => {
  await page.goto('/learn/async-def');
  const cell = page.getByRole('region', { name: 'Cell co-coroutine-flag' });
  const editor = cell.getByRole('textbox', { name: 'Code of cell co-coroutine-flag' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('def broken():\n    return 1 / 0\n\nbroken()');
  await page.keyboard.press('Shift+Enter');
  const output = cell.getByRole('log', { name: 'Output of cell co-coroutine-flag' });
  await expect(output).toContainText('ZeroDivisionError: division by zero', { timeout: 30_000 });
  await expect(output).toContainText('1 / 0');
  await expect(cell.getByText('Run 1 time, last error')).toBeVisible();
});
