import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { cell, chinese, output, waitForKernel } from './fixtures/notebook';
import { expect, test } from './fixtures/course-test';
import { test as realCourseTest } from './fixtures/test';

/** A fixture lesson (e2e/course/04-event-loop-trace) with cells made for the trace panel. */
const lesson = '/learn/event-loop-trace';
const panel = (page: Page, id: string) => page.getByRole('region', { name: `Event loop of cell ${id}` });
const traceToggle = (page: Page, id: string) => cell(page, id).getByRole('button', { name: 'Trace', exact: true });

async function runTraced(page: Page, id: string): Promise<Locator> {
  await cell(page, id).getByRole('button', { name: `Run cell ${id}` }).click();
  await expect(cell(page, id).getByTestId('cell-state')).toContainText('Done', { timeout: 30_000 });
  const events = panel(page, id);
  await expect(events.getByRole('tablist')).toBeVisible();
  return events;
}

/** The [start, end] (ns) of each item a lane draws, by the item's accessible name. */
async function spans(items: Locator): Promise<{ start: number; end: number }[]> {
  const found: { start: number; end: number }[] = [];
  for (const item of await items.all()) {
    found.push({ start: Number(await item.getAttribute('data-start')), end: Number(await item.getAttribute('data-end')) });
  }
  return found;
}

test('a traced gather of three one-second sleeps: three lanes waiting together, ~1 s in all, steps and bytecode', async ({ page }) => {
  await page.goto(lesson);
  await waitForKernel(page);
  const toggle = traceToggle(page, 'gather-three');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const events = await runTraced(page, 'gather-three');
  await expect(output(page, 'gather-three')).toHaveText("['a', 'b', 'c']");

  // Timeline: one lane per fetch() task, each suspended in asyncio.sleep, all at the same time.
  await expect(events.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
  const chart = events.getByRole('group', { name: 'Timeline chart' });
  const lanes = chart.getByRole('group', { name: /^Task-\d+ fetch\(\)$/ });
  await expect(lanes).toHaveCount(3);
  const waits = await spans(chart.getByRole('img', { name: /^Task-\d+ fetch\(\): suspended;.*asyncio\.sleep\(1 s\)/ }));
  expect(waits).toHaveLength(3);
  const together = Math.min(...waits.map((wait) => wait.end)) - Math.max(...waits.map((wait) => wait.start));
  expect(together).toBeGreaterThan(0.9e9);
  const total = Number(/Total ([\d.]+) s/.exec((await events.getByTestId('trace-total').textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThanOrEqual(0.95);
  expect(total).toBeLessThan(2.5);

  // Hovering or focusing a wait shows what it waited for.
  await chart.getByRole('img', { name: /fetch\(\): suspended/ }).first().hover();
  await expect(events.getByRole('tooltip')).toContainText('asyncio.sleep(1 s)');
  await events.screenshot({ path: test.info().outputPath('trace-timeline-light.png') });

  // Zoom: in narrows the window (reset comes back), and the keyboard reaches every item.
  await events.getByRole('button', { name: 'Zoom in', exact: true }).click();
  const reset = events.getByRole('button', { name: 'Reset zoom' });
  await expect(reset).toBeEnabled();
  await reset.click();
  await expect(reset).toBeDisabled();
  // Dragging across the start of the chart zooms to that range: the tasks' first slices show.
  const box = await chart.boundingBox();
  if (!box) throw new Error('the timeline chart has no box');
  await page.mouse.move(box.x + 180, box.y + box.height - 4);
  await page.mouse.down();
  await page.mouse.move(box.x + 230, box.y + box.height - 4, { steps: 5 });
  await page.mouse.up();
  await expect(reset).toBeEnabled();
  await events.screenshot({ path: test.info().outputPath('trace-zoomed-light.png') });
  await reset.click();
  await chart.getByRole('img').first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(events.getByRole('tooltip')).toBeVisible();

  // The table alternative lists the same waits.
  await events.getByRole('button', { name: 'Show as a table' }).click();
  await expect(events.getByRole('table').getByRole('row', { name: /fetch\(\) suspended .* waited for asyncio\.sleep\(1 s\)/ })).toHaveCount(3);
  expect((await new AxeBuilder({ page }).include('section[aria-label="Event loop of cell gather-three"]').analyze()).violations).toEqual([]);

  // Loop steps: stepping changes the ready queue and the timer heap; the three sleeps' timers appear together.
  await events.getByRole('tab', { name: 'Loop steps' }).click();
  const iteration = events.getByText(/^Iteration \d+ of \d+/);
  await expect(iteration).toContainText('Iteration 1 of');
  const ready = events.getByRole('region', { name: 'Ready queue' });
  const timers = events.getByRole('region', { name: 'Timer heap' });
  const before = `${await ready.textContent()}|${await timers.textContent()}`;
  await events.getByRole('button', { name: 'Next step' }).click();
  await expect(iteration).toContainText('Iteration 2 of');
  expect(`${await ready.textContent()}|${await timers.textContent()}`).not.toBe(before);
  const timerList = timers.getByRole('list', { name: 'Timer heap', exact: true });
  for (let step = 0; step < 5 && (await timerList.getByRole('listitem').count()) < 3; step += 1) {
    await events.getByRole('button', { name: 'Next step' }).click();
  }
  await expect(timerList.getByRole('listitem')).toHaveCount(3);
  await expect(timerList.getByRole('listitem').first()).toContainText('_set_result_unless_cancelled');
  await expect(timerList.getByRole('listitem').first()).toHaveAttribute('data-added', 'true');
  await events.screenshot({ path: test.info().outputPath('trace-steps-light.png') });
  await events.getByRole('button', { name: 'Previous step' }).click();
  await expect(timerList.getByRole('listitem')).not.toHaveCount(3);

  // Bytecode: GET_AWAITABLE is highlighted and linked to the line of the await.
  await events.getByRole('tab', { name: 'Bytecode' }).click();
  const getAwaitable = events.getByRole('listitem', { name: /GET_AWAITABLE.*: await\./ });
  await expect(getAwaitable).toHaveAttribute('data-role', 'await');
  const line = events.getByRole('listitem', { name: /^line 4: +await asyncio\.sleep\(1\)$/ });
  await expect(line).not.toHaveAttribute('data-linked', 'true');
  await getAwaitable.focus();
  await expect(line).toHaveAttribute('data-linked', 'true');
  expect((await new AxeBuilder({ page }).include('section[aria-label="Event loop of cell gather-three"]').analyze()).violations).toEqual([]);
  await events.screenshot({ path: test.info().outputPath('trace-bytecode-light.png') });

  // Dark mode: the same panel, readable.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await waitForKernel(page);
  await traceToggle(page, 'gather-three').click();
  const dark = await runTraced(page, 'gather-three');
  await expect(page.locator('html')).toHaveClass(/dark/);
  await dark.screenshot({ path: test.info().outputPath('trace-timeline-dark.png') });
});

test('a time.sleep inside a coroutine shows a slice flagged blocking (the cell opens with Trace on)', async ({ page }) => {
  await page.goto(lesson);
  await waitForKernel(page);
  await expect(traceToggle(page, 'blocking-sleep')).toHaveAttribute('aria-pressed', 'true');
  const events = await runTraced(page, 'blocking-sleep');
  const chart = events.getByRole('group', { name: 'Timeline chart' });
  const stubborn = chart.getByRole('group', { name: /^Task-\d+ stubborn\(\)$/ });
  const blocking = stubborn.getByRole('img', { name: /running, blocking;.*blocked the loop in time\.sleep/ });
  await expect(blocking).toHaveCount(1);
  const [slice] = await spans(blocking);
  expect((slice?.end ?? 0) - (slice?.start ?? 0)).toBeGreaterThan(0.29e9);
  await expect(events.getByText(/the loop was blocked for/)).toBeVisible();
  // The flag is words too, not colour alone.
  await expect(stubborn.getByText('blocking', { exact: true })).toBeVisible();
  await events.screenshot({ path: test.info().outputPath('trace-blocking-light.png') });

  // Turning Trace off keeps the last recording until the next run, which records nothing.
  await traceToggle(page, 'blocking-sleep').click();
  await cell(page, 'blocking-sleep').getByRole('button', { name: 'Run cell blocking-sleep' }).click();
  await expect(cell(page, 'blocking-sleep').getByTestId('cell-state')).toContainText('Done', { timeout: 30_000 });
  await expect(events).toHaveCount(0);
});

test('the task tree shows a parent task awaiting its child, with stacks', async ({ page }) => {
  await page.goto(lesson);
  await waitForKernel(page);
  await traceToggle(page, 'nested-awaits').click();
  const events = await runTraced(page, 'nested-awaits');
  await events.getByRole('tab', { name: 'Task tree' }).click();
  const tree = events.getByRole('tree', { name: 'Tasks and the tasks that await them' });
  const parent = tree.getByRole('treeitem', { name: /^parent parent\(\) waiting/ });
  await expect(parent).toBeVisible();
  const child = parent.getByRole('treeitem', { name: /^child child\(\) (waiting|ready|running)/ });
  await expect(child).toBeVisible();
  await expect(child).toHaveAttribute('aria-level', String(Number(await parent.getAttribute('aria-level')) + 1));
  await expect(parent).toContainText('parent:');
  expect((await new AxeBuilder({ page }).include('section[aria-label="Event loop of cell nested-awaits"]').analyze()).violations).toEqual([]);
  await events.screenshot({ path: test.info().outputPath('trace-tree-light.png') });
});

realCourseTest('the event loop lesson in Chinese opens its traced cell with 追踪 on, and the panel speaks Chinese', async ({ page }) => {
  await page.goto('/zh/learn/event-loop');
  await chinese.waitForKernel(page);
  const traced = chinese.cell(page, 'trace-gather');
  await expect(traced.getByRole('button', { name: '追踪', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await traced.getByRole('button', { name: '运行单元格 trace-gather' }).click();
  const events = page.getByRole('region', { name: '单元格 trace-gather 的事件循环' });
  await expect(events.getByRole('tab', { name: '时间线' })).toHaveAttribute('aria-selected', 'true', { timeout: 30_000 });
  await expect(events.getByRole('group', { name: '时间线图' }).getByRole('group', { name: /^Task-\d+ fetch\(\)$/ })).toHaveCount(3);
  await expect(events.getByRole('button', { name: '放大' })).toBeVisible();
  await events.screenshot({ path: realCourseTest.info().outputPath('trace-zh.png') });
});
