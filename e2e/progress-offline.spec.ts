import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/course-test';
import { cell, waitForKernel } from './fixtures/notebook';

const lesson = '/learn/kernel-behaviours';
const lessonId = 'kernel-behaviours';

async function runCell(page: Page, id: string, times: number): Promise<void> {
  await expect(cell(page, id).getByRole('button', { name: `Run cell ${id}` })).toBeEnabled();
  await cell(page, id).getByRole('button', { name: `Run cell ${id}` }).click();
  await expect(cell(page, id).getByTestId('cell-progress')).toContainText(`Run ${times} time`, { timeout: 30_000 });
}

async function serverRuns(page: Page, id: string): Promise<number | undefined> {
  const response = await page.request.get(`/api/progress?lessonId=${lessonId}`);
  const body: { cells: Record<string, { runs: number }> } = await response.json();
  return body.cells[id]?.runs;
}

test('runs made while the server is unreachable are kept, then sent once when it comes back', async ({ page, context }) => {
  await page.goto(lesson);
  await waitForKernel(page);
  await runCell(page, 'set-x', 1);
  await expect.poll(() => serverRuns(page, 'set-x')).toBe(1);

  await context.setOffline(true);
  await runCell(page, 'set-x', 2);
  await runCell(page, 'read-x', 1);
  const status = page.getByRole('status').filter({ hasText: 'cannot be reached' });
  await expect(status).toContainText('2 unsaved changes are kept in this browser');

  // A reload while offline would lose nothing either: the outbox lives in localStorage.
  const stored = await page.evaluate(() => window.localStorage.getItem('awaitable:v1:progress-outbox') ?? '');
  expect(stored).toContain('read-x');

  await context.setOffline(false);
  await expect(status).toHaveCount(0, { timeout: 20_000 });
  await expect.poll(() => serverRuns(page, 'set-x')).toBe(2);
  expect(await serverRuns(page, 'read-x')).toBe(1);
});

test('two tabs offline at once: every run reaches the server exactly once', async ({ page, context }) => {
  const second = await context.newPage();
  for (const tab of [page, second]) {
    await tab.goto(lesson);
    await waitForKernel(tab);
  }
  // The server answers 503 for a while (an instance restarting behind the load balancer).
  let down = true;
  await context.route('**/api/progress', (route) =>
    down && route.request().method() === 'POST' ? route.fulfill({ status: 503, body: '{"error":"restarting"}' }) : route.fallback(),
  );
  await runCell(page, 'set-x', 1);
  await runCell(second, 'set-x', 1);
  await runCell(second, 'read-x', 1);
  await expect(page.getByRole('status').filter({ hasText: 'cannot be reached' })).toBeVisible();

  down = false;
  await Promise.all([page, second].map((tab) => tab.evaluate(() => window.dispatchEvent(new Event('online')))));
  await expect.poll(() => serverRuns(page, 'set-x'), { timeout: 20_000 }).toBe(2);
  expect(await serverRuns(page, 'read-x')).toBe(1);
  // Both tabs flushed the shared outbox; nothing was counted twice, nothing is left.
  await page.waitForTimeout(1500);
  expect(await serverRuns(page, 'set-x')).toBe(2);
  expect(await page.evaluate(() => window.localStorage.getItem('awaitable:v1:progress-outbox'))).toBe('{"events":[],"code":[]}');
});
