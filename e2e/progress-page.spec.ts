import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { cellRun, exerciseAttempt, sendEvents } from './fixtures/progress-api';
import { expect, test } from './fixtures/course-test';

test('My progress shows completion, exercises passed, where to continue and activity, accessibly', async ({ page, baseURL }) => {
  await page.goto('/progress');
  await expect(page.getByRole('heading', { name: 'My progress', level: 1 })).toBeVisible();
  await expect(page.getByText('Nothing yet.')).toBeVisible();
  await expect(page.getByText('No activity in the last 30 days.')).toBeVisible();

  const at = new Date().toISOString();
  await sendEvents(page.request, baseURL, [cellRun('set-x', { at }), cellRun('read-x', { at })]);
  await sendEvents(page.request, baseURL, [
    exerciseAttempt('double-it', false, { lessonId: 'vocabulary' }),
    exerciseAttempt('double-it', true, { lessonId: 'vocabulary' }),
    { id: randomUUID(), type: 'lesson-completed', lessonId: 'vocabulary', exerciseIds: ['double-it'], at },
  ]);
  await page.reload();

  await expect(page.getByRole('heading', { name: /^Lessons: 1 of \d+ completed$/ })).toBeVisible();
  const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  await expect(row('Kernel behaviours')).toContainText('Started');
  await expect(row('Kernel behaviours')).toContainText('No exercises');
  await expect(row('Lesson vocabulary')).toContainText('Completed');
  await expect(row('Lesson vocabulary')).toContainText('1 of 1');
  const continueLink = page.getByRole('link', { name: 'Continue where you left off: Lesson vocabulary' });
  await expect(continueLink).toHaveAttribute('href', '/learn/vocabulary');

  // The chart is drawn, and its data is readable as text.
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByText('5 activities (cell runs, exercise attempts, hints) on 1 of the last 30 days.')).toBeVisible();
  await page.getByText('Activity as a table').click();
  const today = new Date().toLocaleDateString('en', { dateStyle: 'medium', timeZone: 'UTC' });
  await expect(page.getByRole('table', { name: 'Activities per day' }).getByRole('row', { name: `${today} 5` })).toBeVisible();

  await page.screenshot({ path: test.info().outputPath('my-progress.png'), fullPage: true });
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

  await continueLink.click();
  await expect(page).toHaveURL(/\/learn\/vocabulary$/);
});

test('the site header links to My progress and to signing in', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'My progress' }).click();
  await expect(page).toHaveURL(/\/progress$/);
  await nav.getByRole('link', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
});
