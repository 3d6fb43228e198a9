import { cell, output, waitForKernel } from './fixtures/notebook';
import { expect, test } from './fixtures/course-test';

const lesson = '/learn/kernel-behaviours';
const run = (page: import('@playwright/test').Page, id: string) =>
  cell(page, id).getByRole('button', { name: `Run cell ${id}` }).click();

test('output streams into the page while the cell is still running', async ({ page }) => {
  await page.goto(lesson);
  await waitForKernel(page);
  await run(page, 'stream');
  await expect(output(page, 'stream')).toHaveText('first\n');
  await expect(cell(page, 'stream').getByTestId('cell-state')).toContainText('Running');
  await expect(output(page, 'stream')).toHaveText('first\nlast\n');
  await expect(cell(page, 'stream').getByTestId('cell-state')).toContainText('Done');
});

test('a Python loop stops at its time limit with KeyboardInterrupt, and the kernel keeps its variables', async ({ page }) => {
  await page.goto(lesson);
  await waitForKernel(page);
  await run(page, 'set-x');
  await expect(cell(page, 'set-x').getByTestId('cell-state')).toContainText('Done');
  await run(page, 'runaway-python');
  await expect(output(page, 'runaway-python')).toContainText('KeyboardInterrupt', { timeout: 10_000 });
  await expect(output(page, 'runaway-python')).toContainText("Stopped at the cell's 2 s time limit.");
  await expect(cell(page, 'runaway-python').getByTestId('cell-state')).toContainText('Stopped at the time limit');
  await run(page, 'read-x');
  await expect(output(page, 'read-x')).toHaveText('42');
});

test('a loop in C that ignores interrupts gets a fresh kernel, and the page stays responsive', async ({ page }) => {
  await page.goto(lesson);
  await waitForKernel(page);
  await run(page, 'set-x');
  await expect(cell(page, 'set-x').getByTestId('cell-state')).toContainText('Done');
  await run(page, 'runaway-c');
  // While the kernel is stuck, the page still answers.
  await expect(cell(page, 'runaway-c').getByTestId('cell-state')).toContainText('Running');
  await page.getByRole('button', { name: /Change theme/ }).click();
  await expect(page.getByRole('button', { name: 'Theme: light. Change theme' })).toBeVisible();

  await expect(output(page, 'runaway-c')).toContainText('time limit', { timeout: 10_000 });
  await expect(output(page, 'runaway-c')).toContainText('Python was restarted');
  await waitForKernel(page);
  await run(page, 'read-x');
  await expect(output(page, 'read-x')).toContainText("NameError: name 'x' is not defined");
});

test('input() shows the prompt and reads the line the learner types', async ({ page }) => {
  await page.goto(lesson);
  await waitForKernel(page);
  await run(page, 'ask');
  const field = cell(page, 'ask').getByRole('textbox', { name: 'Input for cell ask' });
  await expect(field).toBeFocused();
  await expect(output(page, 'ask')).toHaveText('Your name? ');
  await field.fill('Ada');
  await field.press('Enter');
  await expect(output(page, 'ask')).toHaveText('Your name? Ada\nHello, Ada!\n');
  await expect(field).toHaveCount(0);
  await expect(cell(page, 'ask').getByTestId('cell-state')).toContainText('Done');
});

test('a million lines of output are capped with a notice and the page stays responsive', async ({ page }) => {
  await page.goto(lesson);
  await waitForKernel(page);
  await run(page, 'flood');
  await expect(output(page, 'flood')).toContainText('Output truncated', { timeout: 20_000 });
  await expect(cell(page, 'flood').getByTestId('cell-state')).toContainText('Done', { timeout: 30_000 });
  await expect(output(page, 'flood')).toContainText('more lines');
  const lines = ((await output(page, 'flood').textContent()) ?? '').split('\n').length;
  expect(lines).toBeLessThan(10_100);
  await page.getByRole('button', { name: /Change theme/ }).click();
  await expect(page.getByRole('button', { name: 'Theme: light. Change theme' })).toBeVisible();
});

type ProgressStep = { value: number; max: number; text: string | null };
declare global {
  interface Window {
    kernelProgress?: ProgressStep[];
  }
}

test("while Pyodide downloads, the status bar counts its real bytes, then Python becomes ready", async ({ page }) => {
  // Every value the bar shows, as the page renders it (Playwright's polling would miss most).
  await page.addInitScript(() => {
    const seen: ProgressStep[] = [];
    window.kernelProgress = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('progress[aria-label="Loading Python"]');
      if (!(bar instanceof HTMLProgressElement)) return;
      const step = { value: bar.value, max: bar.max, text: bar.getAttribute('aria-valuetext') };
      const last = seen.at(-1);
      if (last?.value !== step.value || last.max !== step.max) seen.push(step);
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  // A slower link (8 MB/s), so the download takes long enough to watch.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: 8 * 1024 * 1024, uploadThroughput: -1 });

  await page.goto(lesson);
  await expect(page.getByRole('progressbar', { name: 'Loading Python' })).toBeVisible();
  const kernelStatus = page.getByRole('status', { name: 'Kernel status' });
  await expect(kernelStatus).toContainText(/Loading Python… \d+\.\d of \d+\.\d MB/);
  const shownTotal = /of (\d+\.\d) MB/.exec((await kernelStatus.textContent()) ?? '')?.[1];
  await waitForKernel(page);
  await expect(page.getByRole('progressbar', { name: 'Loading Python' })).toHaveCount(0);

  const steps = (await page.evaluate(() => window.kernelProgress)) ?? [];
  const downloadSteps = steps.filter((step) => step.max > 1); // the bar counts bytes (max 1: a stage's share)
  expect(downloadSteps.length).toBeGreaterThan(3);
  const total = downloadSteps[0]?.max ?? 0;
  // pyodide.asm.wasm + python_stdlib.zip + pyodide-lock.json + the booted-Pyodide snapshot (pyodide-snapshot.bin.gz)
  expect(total).toBeGreaterThan(12_000_000);
  expect(shownTotal).toBe((total / 1_000_000).toFixed(1));
  expect(downloadSteps.every((step) => step.max === total)).toBe(true);
  const values = downloadSteps.map((step) => step.value);
  expect(values).toEqual([...values].sort((a, b) => a - b));
  expect(values.at(-1)).toBe(total);
  expect(downloadSteps.at(-1)?.text).toBe(`${(total / 1_000_000).toFixed(1)} of ${(total / 1_000_000).toFixed(1)} MB`);

  await run(page, 'set-x');
  await expect(cell(page, 'set-x').getByTestId('cell-state')).toContainText('Done');
});
