import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SERVER_PROTOCOL_VERSION } from '../runtime/server/protocol';
import { expect, test } from './fixtures/course-test';
import { cell, chinese as zh, editor, output, replaceCode, waitForKernel } from './fixtures/notebook';

const english = '/learn/vocabulary';
const chinese = '/zh/learn/vocabulary';
const verdict = (page: Page) => page.getByRole('status', { name: 'Result of Double a number' });
const exercise = (page: Page) => page.getByRole('region', { name: /Double a number/ });

test('an exercise: the starter fails in plain words, hints one at a time, the solution after a confirmation, then it passes', async ({ page }) => {
  await page.goto(english);
  await waitForKernel(page);
  const check = exercise(page).getByRole('button', { name: 'Check my answer' });
  await check.click();
  await expect(verdict(page)).toHaveText('Not yet: double(2) should return 4, not 2.');
  // The learner's own run is shown; the check's run is not.
  await expect(output(page, 'double-it')).toHaveText('21');

  const hints = exercise(page).getByRole('note', { name: /^Hint/ });
  await expect(hints).toHaveCount(0);
  await exercise(page).getByRole('button', { name: 'Show hint 1 of 3' }).click();
  await expect(hints).toHaveCount(1);
  await expect(exercise(page).getByRole('note', { name: 'Hint 1 of 3' })).toContainText('added to itself');
  await exercise(page).getByRole('button', { name: 'Show hint 2 of 3' }).click();
  await expect(exercise(page).getByRole('note', { name: 'Hint 2 of 3' })).toBeFocused();
  await expect(hints).toHaveCount(2);
  await expect(exercise(page).getByRole('button', { name: 'Show hint 3 of 3' })).toBeVisible();

  await exercise(page).getByRole('button', { name: 'Show solution' }).click();
  await expect(exercise(page).getByText('Reveal the solution? Try the hints first.')).toBeVisible();
  await expect(exercise(page).getByText('return x * 2')).toHaveCount(0);
  await exercise(page).getByRole('button', { name: 'Reveal it' }).click();
  const solution = exercise(page).getByRole('region', { name: 'Solution' });
  await expect(solution).toContainText('return x * 2');
  await solution.getByRole('button', { name: 'Use this solution' }).click();
  await expect(editor(page, 'double-it')).toContainText('return x * 2');

  await check.click();
  await expect(verdict(page)).toHaveText('Passed');
  await expect(output(page, 'double-it')).toHaveText('42');

  // Revealed hints and the pass are kept for the learner.
  await page.reload();
  await expect(exercise(page).getByRole('note', { name: /^Hint/ })).toHaveCount(2);
  await expect(exercise(page).getByRole('heading', { name: /Double a number/ })).toContainText('Passed');
});

test('an exercise whose code raises says what it raised', async ({ page }) => {
  await page.goto(english);
  await waitForKernel(page);
  await replaceCode(page, 'double-it', 'double = lambda x: x / 0\nprint(double(1))');
  await exercise(page).getByRole('button', { name: 'Check my answer' }).click();
  await expect(verdict(page)).toHaveText('Your code raised ZeroDivisionError: division by zero');
});

test('a quiz answered by keyboard says wrong, then right, and explains', async ({ page }) => {
  await page.goto(english);
  const quiz = page.getByRole('group', { name: 'What does the next cell print first?' });
  await expect(quiz.getByRole('radio')).toHaveCount(3);
  const check = page.getByRole('button', { name: 'Check', exact: true });
  await expect(check).toBeDisabled();
  await quiz.getByRole('radio').first().focus();
  await page.keyboard.press('Space');
  await expect(quiz.getByRole('radio', { name: 'b', exact: true })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(check).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Not quite.' })).toBeVisible();
  await expect(page.getByText('Statements run in order')).toBeVisible();

  const again = page.getByRole('button', { name: 'Try again' });
  await expect(again).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Statements run in order')).toHaveCount(0);
  await expect(quiz.getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(quiz.getByRole('radio', { name: 'a', exact: true })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Right!' })).toBeVisible();
  await expect(page.getByText('Statements run in order')).toBeVisible();
});

test('callouts are notes named by their kind and title; expected output is collapsed under its cell', async ({ page }) => {
  await page.goto(english);
  await expect(page.getByRole('note', { name: 'Common misconception: Coroutines are time-sliced' })).toContainText('runs until it reaches an');
  await expect(page.getByRole('note', { name: 'Tip', exact: true })).toContainText('Shift+Enter');
  await expect(page.getByRole('note', { name: 'Note: Cells share one namespace' })).toBeVisible();
  await expect(page.getByRole('note', { name: 'Warning: Restarting forgets' })).toBeVisible();

  const expected = page.getByRole('group', { name: 'Expected output of cell greet' });
  await expect(expected.getByText('hello')).toBeHidden();
  await expected.getByText('Expected output').click();
  await expect(expected.locator('pre')).toHaveText('hello\nworld');

  await expect(page.getByRole('heading', { name: 'You will learn' })).toBeVisible();
  await expect(page.getByText('10 min')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Kernel behaviours' })).toHaveAttribute('href', '/learn/kernel-behaviours');
  await expect(page.getByRole('heading', { name: 'Recap' })).toBeVisible();
});

test('the language switch goes to the Chinese lesson and back, keeping the learner code of the same cells', async ({ page }) => {
  await page.goto(english);
  await expect(page.locator('link[rel="alternate"][hreflang="zh-Hans"]')).toHaveAttribute('href', /\/zh\/learn\/vocabulary$/);
  await replaceCode(page, 'greet', 'print("edited in English")');
  await page.getByRole('link', { name: '中文' }).click();
  await expect(page).toHaveURL(/\/zh\/learn\/vocabulary$/);
  await expect(page.locator('article')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('heading', { name: '课程组件', level: 1 })).toBeVisible();
  await expect(zh.editor(page, 'greet')).toHaveText('print("edited in English")');
  await expect(zh.cell(page, 'double-it')).toBeVisible();
  await expect(page.getByRole('toolbar', { name: '笔记本' }).getByRole('button', { name: '全部运行', exact: true })).toBeVisible();
  await expect(zh.cell(page, 'greet').getByRole('button', { name: '运行单元格 greet' })).toBeVisible();
  await expect(page.getByRole('button', { name: '检查我的答案' })).toBeVisible();
  await expect(page.getByRole('note', { name: '常见误解：协程是分时运行的' })).toBeVisible();

  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/learn\/vocabulary$/);
  await expect(page.locator('article')).toHaveAttribute('lang', 'en');
  await expect(editor(page, 'greet')).toHaveText('print("edited in English")');
});

test('the Chinese exercise checks in Chinese', async ({ page }) => {
  await page.goto(chinese);
  await zh.waitForKernel(page);
  await page.getByRole('button', { name: '检查我的答案' }).click();
  await expect(page.getByRole('status', { name: '把数字翻倍 的结果' })).toHaveText('还没有：double(2) 应该返回 4，而不是 2。');
  await page.getByRole('button', { name: '显示提示 1/3' }).click();
  await expect(page.getByRole('note', { name: '提示 1/3' })).toBeVisible();
});

test('a server cell says it needs the server kernel when it is unavailable, and cannot run', async ({ page }) => {
  await page.route('**/api/server-kernel/status', (route) =>
    route.fulfill({ json: { v: SERVER_PROTOCOL_VERSION, available: false, reason: 'bubblewrap is not installed on this server' } }),
  );
  await page.goto(english);
  const threads = cell(page, 'threads');
  await expect(threads).toContainText('Runs on the server: real threads');
  await expect(threads.getByRole('status')).toHaveText('Needs the server kernel: bubblewrap is not installed on this server');
  const run = threads.getByRole('button', { name: 'Run cell threads' });
  await expect(run).toBeDisabled();
  await expect(run).toHaveAccessibleDescription('Needs the server kernel: bubblewrap is not installed on this server');
  // Run all runs the lesson's other cells and leaves the server cell alone.
  await page.getByRole('toolbar', { name: 'Notebook' }).getByRole('button', { name: 'Run all', exact: true }).click();
  await expect(output(page, 'order')).toHaveText('a\nb', { timeout: 30_000 });
  await expect(output(page, 'raises')).toContainText('ValueError: on purpose');
  await expect(output(page, 'double-it')).toHaveText('21');
  await expect(page.getByRole('log', { name: 'Output of cell threads' })).toHaveCount(0);
});

test('a server cell runs on the real server kernel: setup first, output streamed, interrupted on request', async ({ page }) => {
  await page.goto(english);
  const threads = cell(page, 'threads');
  await expect(threads).toContainText('Runs on the server: real threads');
  const run = threads.getByRole('button', { name: 'Run cell threads' });
  await expect(run).toBeEnabled();
  await run.click();
  // `threading` comes from the setup cell, which runs first in the same fresh process.
  await expect(output(page, 'threads')).toHaveText('threads done [0, 1, 2]', { timeout: 30_000 });
  await expect(threads.getByTestId('server-end')).toHaveText('Finished');

  const slow = cell(page, 'server-slow');
  await slow.getByRole('button', { name: 'Run cell server-slow' }).click();
  await expect(output(page, 'server-slow')).toHaveText('first', { timeout: 30_000 });
  await expect(output(page, 'server-slow')).toHaveText('first\nsecond', { timeout: 10_000 });
  await slow.getByRole('button', { name: 'Interrupt cell server-slow' }).click();
  await expect(slow.getByTestId('server-end')).toContainText('Interrupted', { timeout: 10_000 });
  await expect(slow.getByTestId('cell-state')).toContainText('Interrupted');
  await expect(output(page, 'server-slow')).not.toContainText('never reached');
});

test('the course lists lessons with minutes and objectives, and links to the Chinese course', async ({ page }) => {
  await page.goto('/');
  const item = page.getByRole('listitem').filter({ hasText: 'Lesson vocabulary' });
  await expect(item).toContainText('10 min · 3 objectives');
  await page.getByRole('link', { name: '中文课程' }).click();
  await expect(page).toHaveURL(/\/zh$/);
  const translated = page.getByRole('listitem').filter({ hasText: '课程组件' });
  await expect(translated).toContainText('10 分钟 · 3 个学习目标');
  await expect(translated.getByRole('link', { name: '2. 课程组件' })).toHaveAttribute('href', '/zh/learn/vocabulary');
  // A lesson without a translation is listed in English, linking to its English page.
  await expect(page.getByRole('link', { name: '1. Kernel behaviours' })).toHaveAttribute('href', '/learn/kernel-behaviours');
});

for (const path of [english, chinese]) {
  test(`${path} has no serious or critical accessibility violations, with hints, solution and quiz answer shown`, async ({ page }) => {
    await page.goto(path);
    await (path === chinese ? zh.waitForKernel(page) : waitForKernel(page));
    const hint = page.getByRole('button', { name: /Show hint 1|显示提示 1/ });
    await hint.click();
    await page.getByRole('button', { name: /^(Show solution|显示答案)$/ }).click();
    await page.getByRole('button', { name: /^(Reveal it|确定显示)$/ }).click();
    await page.getByRole('radio').nth(1).check();
    await page.getByRole('button', { name: /^(Check|检查)$/ }).click();
    for (const theme of ['light', 'dark']) {
      await page.evaluate((dark) => document.documentElement.classList.toggle('dark', dark), theme === 'dark');
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      expect(serious.map((violation) => `${theme} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });
}
