// The author's loop: scaffold a lesson, open it in `next dev`, edit the MDX, see the page change;
// break the frontmatter and read which file and field are wrong.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DevServer } from './fixtures/dev-server';

test.describe.configure({ mode: 'serial' });

let dev: DevServer;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  dev = await DevServer.start(`authoring-dev${process.env.AWAITABLE_E2E_TAG ?? ''}`);
});

test.afterAll(async () => {
  await dev?.stop();
});

test('a scaffolded lesson opens in dev, and an edit to its MDX shows on the page', async ({ page }) => {
  test.setTimeout(240_000);
  const scaffold = dev.runTool('new-lesson.ts', ['live-demo']);
  expect(scaffold.output).toContain('created');
  expect(scaffold.code).toBe(0);
  const file = path.join(dev.course, '01-live-demo', 'index.mdx');

  // The first compile in dev takes a while: wait generously.
  await page.goto(`${dev.url}/learn/live-demo`, { timeout: 180_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'TODO: lesson title' })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole('heading', { name: 'A first cell' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Check my answer' })).toBeVisible();

  writeFileSync(file, readFileSync(file, 'utf8').replace('title: "TODO: lesson title"', 'title: "Tasks and timers"').replace('## A first cell', '## Running a coroutine'));
  const saved = performance.now();
  // What the dev server renders right after the save (the figure for "within about a second").
  while (!(await fetch(`${dev.url}/learn/live-demo`).then((response) => response.text())).includes('Tasks and timers')) {
    expect(performance.now() - saved, 'the dev server still renders the old lesson').toBeLessThan(30_000);
  }
  test.info().annotations.push({ type: 'save-to-render', description: `${Math.round(performance.now() - saved)} ms` });
  // The open page re-renders by itself (app/_components/dev/content-reload.tsx): no reload.
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks and timers' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Running a coroutine' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'A first cell' })).toHaveCount(0);
  test.info().annotations.push({ type: 'save-to-visible', description: `${Math.round(performance.now() - saved)} ms` });
  await page.screenshot({ path: test.info().outputPath('edited.png'), fullPage: true });
});

/** Next's dev overlay lists every issue of the page, one at a time: page through them (→) to `message`. */
async function expectOverlayIssue(page: Page, message: RegExp): Promise<void> {
  const text = page.getByText(message).first();
  for (let step = 0; step < 5 && !(await text.isVisible()); step++) await page.keyboard.press('ArrowRight');
  await expect(text).toBeVisible({ timeout: 1_000 });
}

test('wrong frontmatter or a wrong component prop fails with the lesson file, the line and the field', async ({ page }) => {
  test.setTimeout(120_000);
  const file = path.join(dev.course, '01-live-demo', 'index.mdx');
  writeFileSync(file, readFileSync(file, 'utf8').replace('minutes: 15', 'minutes: many'));
  await expect(async () => {
    await page.goto(`${dev.url}/learn/live-demo`);
    await expectOverlayIssue(page, /01-live-demo\/index\.mdx:\d+: invalid frontmatter: field "minutes": Invalid input: expected number, received string/);
  }).toPass({ timeout: 60_000 });
  await page.screenshot({ path: test.info().outputPath('bad-frontmatter.png') });

  writeFileSync(file, readFileSync(file, 'utf8').replace('minutes: many', 'minutes: 15').replace('<Quiz id="first-quiz"', '<Quiz id="first-quiz" level="hard"'));
  await expect(async () => {
    await page.goto(`${dev.url}/learn/live-demo`);
    await expectOverlayIssue(page, /01-live-demo\/index\.mdx:15: <Quiz id="first-quiz">: field "level": <Quiz> has no such prop \(known: id, question\)/);
  }).toPass({ timeout: 60_000 });
  await page.screenshot({ path: test.info().outputPath('bad-prop.png') });

  // Fixed again, the lesson is back.
  writeFileSync(file, readFileSync(file, 'utf8').replace(' level="hard"', ''));
  await expect(async () => {
    await page.goto(`${dev.url}/learn/live-demo`);
    await expect(page.getByRole('heading', { level: 1, name: 'Tasks and timers' })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
});
