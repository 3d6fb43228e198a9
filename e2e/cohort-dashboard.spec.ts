import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { newBrowserContext, newInstructor, newSignedInLearner } from './fixtures/instructors';
import { cellRun, exerciseAttempt, sameOrigin, sendEvents } from './fixtures/progress-api';
import { expect, test } from './fixtures/test';

/** The cohort dashboard and its CSV export (issue #7), on the real course, through the real flow. */

const lessonId = 'what-is-a-coroutine';
const cohortName = 'Async Autumn';

type Cohort = { id: string; joinCode: string; joinUrl: string; dashboard: string };

/** The instructor creates a cohort as the /instructor page does. */
async function newCohort(instructor: Page, baseURL: string | undefined): Promise<Cohort> {
  const created = await instructor.request.post('/api/cohorts', { headers: sameOrigin(baseURL), data: { name: cohortName } });
  expect(created.status()).toBe(201);
  const cohort: Omit<Cohort, 'dashboard'> = await created.json();
  return { ...cohort, dashboard: `/instructor/cohorts/${cohort.id}` };
}

async function join(page: Page, cohort: Cohort): Promise<void> {
  await page.goto(cohort.joinUrl);
  await page.getByRole('button', { name: `Join ${cohortName}` }).click();
  await expect(page.getByText(`You are in ${cohortName}.`)).toBeVisible();
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target).join(' ')})`)).toEqual([]);
}

async function downloadCsv(page: Page): Promise<{ name: string; lines: string[] }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV' }).click();
  const download = await downloading;
  const text = await readFile(await download.path(), 'utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  return { name: download.suggestedFilename(), lines: text.slice(0, -2).split('\r\n') };
}

/**
 * Two learners join; Ada runs two cells (one raises), fails the first exercise once, takes a hint
 * and passes it, and fails the second with a TimeoutError; Bob does nothing. The instructor sees
 * those figures, in light and dark, wide and narrow, and downloads them.
 */
test('an instructor follows a cohort from join to dashboard figures and a CSV export', async ({ browser, app, baseURL }) => {
  const { page } = await newInstructor(browser, baseURL, app, 'Ines');
  const cohort = await newCohort(page, baseURL);
  const { dashboard } = cohort;

  // A new cohort: an empty state that says how learners get in, and a CSV with only its header.
  await page.goto(dashboard);
  await expect(page.getByRole('heading', { name: cohortName, level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(`${cohortName}: dashboard · Awaitable`);
  await expect(page.getByRole('heading', { name: 'No learners yet' })).toBeVisible();
  await expect(page.getByText('0 learners · 6 lessons')).toBeVisible();
  await expect(page.getByText(cohort.joinCode, { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: cohort.joinUrl })).toBeVisible();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: `Copy link to join ${cohortName}` }).click();
  await expect(page.getByRole('status')).toHaveText('Join link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(cohort.joinUrl);
  await page.getByText('What the CSV holds').click();
  await expect(page.getByRole('definition').filter({ hasText: 'The exception their last failed check raised' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('cohort-dashboard-empty.png'), fullPage: true });
  const empty = await downloadCsv(page);
  expect(empty.name).toBe('async-autumn-progress.csv');
  expect(empty.lines).toHaveLength(1);
  expect(empty.lines[0]).toMatch(/^learner_name,learner_email,/);

  const { page: ada } = await newSignedInLearner(browser, baseURL, 'Ada');
  const { page: bob } = await newSignedInLearner(browser, baseURL, 'Bob');
  await join(ada, cohort);
  await join(bob, cohort);
  const events = [
    cellRun('first-coroutine', { lessonId }),
    cellRun('broken-cell', { lessonId, status: 'error' }),
    exerciseAttempt('interleave-workers', false, { lessonId, errorType: 'AssertionError' }),
    { id: randomUUID(), type: 'hint', lessonId, exerciseId: 'interleave-workers', hintsUsed: 1, at: new Date().toISOString() },
    exerciseAttempt('interleave-workers', true, { lessonId, hintsUsed: 1 }),
    exerciseAttempt('keep-the-heartbeat', false, { lessonId, errorType: 'TimeoutError' }),
  ];
  expect((await sendEvents(ada.request, baseURL, events)).ok()).toBe(true);

  await page.goto(dashboard);
  await expect(page.getByText('2 learners · 6 lessons')).toBeVisible();
  const table = (name: string) => page.getByRole('table', { name });
  const row = (tableName: string, header: string) => table(tableName).getByRole('row').filter({ has: page.getByRole('rowheader', { name: header, exact: true }) });
  const cells = async (tableName: string, header: string) => (await row(tableName, header).getByRole('cell').allInnerTexts()).map((text) => text.trim());

  // The funnel, per lesson in course order.
  await expect(row('Learners at each step, per lesson', '1. What is a coroutine?')).toBeVisible();
  expect(await cells('Learners at each step, per lesson', '1. What is a coroutine?')).toEqual(['1 of 2 (50%)', '1 of 2 (50%)', '0 of 2 (0%)']);
  expect(await cells('Learners at each step, per lesson', '2. async def and coroutine objects')).toEqual(['0 of 2 (0%)', '0 of 2 (0%)', '0 of 2 (0%)']);
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();

  // Per exercise: passed / attempted, passed / learners, median attempts, mean hints, stuck.
  const exercises = 'Pass rate, attempts, hints and learners stuck, per exercise';
  expect(await cells(exercises, '1.1 Make two workers take turns')).toEqual(['1 of 1 (100%)', '1 of 2 (50%)', '2', '1', '0']);
  expect(await cells(exercises, '1.2 Keep the heartbeat on time')).toEqual(['0 of 1 (0%)', '0 of 2 (0%)', '1', '0', '1']);

  // The error of the exercise not passed yet; the passed one's earlier AssertionError is behind her.
  expect(await cells('Error types of failed exercise checks', 'TimeoutError')).toEqual(['1', '1']);
  await expect(table('Error types of failed exercise checks').getByRole('rowheader', { name: 'AssertionError' })).toHaveCount(0);
  await expect(page.getByText('Cells whose last run raised an error: 1 (of 2 cell runs in all).')).toBeVisible();

  // Bob has done nothing: he is listed as quiet; Ada is not.
  const quiet = page.getByRole('region', { name: 'No progress for 7 days' });
  await expect(quiet.getByRole('listitem')).toHaveCount(1);
  await expect(quiet.getByRole('listitem')).toContainText('Bob');
  await expect(quiet.getByRole('listitem')).toContainText('No activity yet');
  const learners = "Each learner's lessons, exercises and last activity";
  expect((await cells(learners, 'Ada')).slice(1)).toEqual(['0 of 6', '1 of 13', expect.stringMatching(/\(less than a day ago\)$/)]);
  expect((await cells(learners, 'Bob')).slice(1)).toEqual(['0 of 6', '0 of 13', 'Never']);

  await page.screenshot({ path: test.info().outputPath('cohort-dashboard.png'), fullPage: true });
  await expectNoAxeViolations(page);

  // The export: one row per learner × exercise, with the same figures.
  const csv = await downloadCsv(page);
  expect(csv.name).toBe('async-autumn-progress.csv');
  expect(csv.lines).toHaveLength(1 + 2 * 13);
  const adaRows = csv.lines.filter((line) => line.startsWith('Ada,'));
  expect(adaRows.find((line) => line.includes(',interleave-workers,'))).toMatch(/,interleave-workers,Make two workers take turns,2,yes,1,,\d{4}-/);
  expect(adaRows.find((line) => line.includes(',keep-the-heartbeat,'))).toMatch(/,keep-the-heartbeat,Keep the heartbeat on time,1,no,0,TimeoutError,\d{4}-/);
  expect(csv.lines.filter((line) => line.startsWith('Bob,')).every((line) => /,0,no,0,,$/.test(line))).toBe(true);

  // Narrow and dark: nothing wider than the screen but the tables' own scrolling regions.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.getByText('What the CSV holds').click();
  await page.screenshot({ path: test.info().outputPath('cohort-dashboard-375-dark.png'), fullPage: true });
  await expectNoAxeViolations(page);

});

test("only a cohort's instructors see its dashboard and export: others get 404, signed-out visitors sign in", async ({ browser, app, baseURL }) => {
  const { page: instructor } = await newInstructor(browser, baseURL, app, 'Ines');
  const { dashboard, ...cohort } = await newCohort(instructor, baseURL);
  const { page: ada } = await newSignedInLearner(browser, baseURL, 'Ada');
  await join(ada, { dashboard, ...cohort });
  expect((await sendEvents(ada.request, baseURL, [cellRun('first-coroutine', { lessonId })])).ok()).toBe(true);
  expect((await instructor.goto(dashboard))?.status()).toBe(200);
  await expect(instructor.getByRole('main').getByText('Ada', { exact: true }).first()).toBeVisible();
  expect((await instructor.request.get(`${dashboard}/export.csv`)).status()).toBe(200);

  // Another instructor, and a member of the cohort: the same "not found" as for no cohort at all.
  const { page: other } = await newInstructor(browser, baseURL, app, 'Olga');
  for (const visitor of [other, ada]) {
    expect((await visitor.goto(dashboard))?.status()).toBe(404);
    await expect(visitor.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(visitor.getByRole('main')).not.toContainText(cohortName);
    const response = await visitor.request.get(`${dashboard}/export.csv`);
    expect(response.status()).toBe(404);
    expect(response.headers()['content-disposition']).toBeUndefined();
    expect(await response.text()).not.toContain('Ada');
  }
  expect((await other.goto('/instructor/cohorts/no-such-cohort'))?.status()).toBe(404);
  expect((await other.request.get(`/instructor/cohorts/${'%27'.repeat(40)}/export.csv`)).status()).toBe(404);

  // Signed out: the page offers sign-in (for any id, so it reveals nothing), the export is not found.
  const stranger = await (await newBrowserContext(browser, baseURL)).newPage();
  await stranger.goto(dashboard);
  await expect(stranger).toHaveURL(`/account/sign-in?next=${encodeURIComponent(dashboard)}`);
  expect((await stranger.request.get(`${dashboard}/export.csv`)).status()).toBe(404);
});
