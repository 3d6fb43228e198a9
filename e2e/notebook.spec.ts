import AxeBuilder from '@axe-core/playwright';
import { cell, editor, output, replaceCode, waitForKernel } from './fixtures/notebook';
import { expect, test } from './fixtures/course-test';
import { test as realCourseTest } from './fixtures/test';

/** A fixture lesson (e2e/course), so these tests do not change when the real lessons do. */
const lesson = '/learn/notebook-basics';
const toolbar = (page: import('@playwright/test').Page) => page.getByRole('toolbar', { name: 'Notebook' });

test('Run all runs every cell in order, numbering each run', async ({ page }) => {
  await page.goto(lesson);
  await toolbar(page).getByRole('button', { name: 'Run all', exact: true }).click();
  for (const [index, id] of ['co-coroutine-flag', 'calling-runs-nothing', 'drive-by-hand'].entries()) {
    await expect(cell(page, id).getByLabel(`Execution count ${index + 1}`)).toBeVisible({ timeout: 30_000 });
    await expect(cell(page, id).getByTestId('cell-state')).toContainText('Done');
  }
  await expect(output(page, 'co-coroutine-flag')).toHaveText('True');
  await expect(output(page, 'calling-runs-nothing')).toHaveText('coroutine');
  await expect(output(page, 'drive-by-hand')).toHaveText('returned 42');
  // Runs finished at once are all saved for the same learner.
  await page.reload();
  for (const id of ['co-coroutine-flag', 'calling-runs-nothing', 'drive-by-hand']) {
    await expect(cell(page, id).getByTestId('cell-progress')).toHaveText('Run 1 time, last ok');
  }
});

test('a cell clicked before Python is ready is queued, then runs', async ({ page }) => {
  await page.goto(lesson);
  await cell(page, 'drive-by-hand').getByRole('button', { name: 'Run cell drive-by-hand' }).click();
  await expect(output(page, 'drive-by-hand')).toHaveText('returned 42', { timeout: 30_000 });
});

test('Shift+Enter runs and moves to the next cell; Ctrl+Enter runs in place; Escape leaves the editor', async ({ page }) => {
  await page.goto(lesson);
  await waitForKernel(page);
  await editor(page, 'co-coroutine-flag').click();
  await page.keyboard.press('Shift+Enter');
  await expect(output(page, 'co-coroutine-flag')).toHaveText('True');
  await expect(editor(page, 'calling-runs-nothing')).toBeFocused();

  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(output(page, 'calling-runs-nothing')).toHaveText('coroutine');
  await expect(editor(page, 'calling-runs-nothing')).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(cell(page, 'calling-runs-nothing').getByRole('button', { name: 'Run cell calling-runs-nothing' })).toBeFocused();
});

test('the code editor is fetched only when the learner reaches for a cell, which then takes the typing', async ({ page }) => {
  // CodeMirror's script is the one naming its content element; which chunk holds it is the bundler's choice.
  const editorScripts: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script' || !new URL(response.url()).pathname.startsWith('/_next/')) return;
    response.text().then(
      (text) => text.includes('cm-content') && editorScripts.push(response.url()),
      () => undefined,
    );
  });
  await page.goto(lesson);
  await waitForKernel(page);
  const code = editor(page, 'drive-by-hand');
  await expect(code).toContainText('async def answer():');
  await page.waitForTimeout(1000); // the page idle a while, its scripts all read
  expect(editorScripts).toEqual([]);

  await code.click();
  await expect.poll(() => editorScripts.length).toBeGreaterThan(0);
  await expect(code).toHaveAttribute('contenteditable', 'true'); // CodeMirror, not the plain text area
  await expect(code).toBeFocused();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.type('print("typed after the switch")\n');
  await expect(cell(page, 'drive-by-hand').getByText('modified')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(output(page, 'drive-by-hand')).toHaveText('typed after the switch\nreturned 42');
  // Every cell switched with it: the next one is CodeMirror already.
  await expect(editor(page, 'co-coroutine-flag')).toHaveAttribute('contenteditable', 'true');
});

test('a runaway cell is interrupted and the kernel keeps its state', async ({ page }) => {
  await page.goto(lesson);
  await waitForKernel(page);
  await replaceCode(page, 'co-coroutine-flag', 'kept = "still here"');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(cell(page, 'co-coroutine-flag').getByTestId('cell-state')).toContainText('Done');

  await replaceCode(page, 'calling-runs-nothing', 'while True:\n    pass');
  await page.keyboard.press('ControlOrMeta+Enter');
  const runaway = cell(page, 'calling-runs-nothing');
  await expect(runaway.getByTestId('cell-state')).toContainText('Running');
  await runaway.getByRole('button', { name: 'Interrupt cell calling-runs-nothing' }).click();
  await expect(output(page, 'calling-runs-nothing')).toContainText('KeyboardInterrupt');
  await expect(runaway.getByTestId('cell-state')).toContainText('Interrupted');

  await replaceCode(page, 'drive-by-hand', 'kept');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(output(page, 'drive-by-hand')).toHaveText("'still here'");
});

test('Restart kernel forgets every variable; Restart and run all runs the lesson afresh', async ({ page }) => {
  await page.goto(lesson);
  await waitForKernel(page);
  await replaceCode(page, 'co-coroutine-flag', 'secret = 1');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(cell(page, 'co-coroutine-flag').getByTestId('cell-state')).toContainText('Done');
  await toolbar(page).getByRole('button', { name: 'Restart kernel' }).click();
  await waitForKernel(page);
  await replaceCode(page, 'drive-by-hand', 'secret');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(output(page, 'drive-by-hand')).toContainText("NameError: name 'secret' is not defined");

  await toolbar(page).getByRole('button', { name: 'Restart and run all' }).click();
  await expect(cell(page, 'drive-by-hand').getByLabel('Execution count 3')).toBeVisible({ timeout: 30_000 });
  await expect(cell(page, 'co-coroutine-flag').getByLabel('Execution count 1')).toBeVisible();
  await expect(output(page, 'drive-by-hand')).toHaveText('1');
});

test('Clear outputs empties every output and count', async ({ page }) => {
  await page.goto(lesson);
  await toolbar(page).getByRole('button', { name: 'Run all', exact: true }).click();
  await expect(output(page, 'drive-by-hand')).toHaveText('returned 42', { timeout: 30_000 });
  await toolbar(page).getByRole('button', { name: 'Clear outputs' }).click();
  await expect(page.getByRole('log')).toHaveCount(0);
  await expect(cell(page, 'drive-by-hand').getByLabel('Execution count none')).toBeVisible();
});

test('edits are kept in the browser and on the server, marked modified, and can be reset', async ({ page, browser, baseURL }) => {
  await page.goto(lesson);
  await replaceCode(page, 'drive-by-hand', 'print("my own code")');
  await expect(cell(page, 'drive-by-hand').getByText('modified')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(output(page, 'drive-by-hand')).toHaveText('my own code', { timeout: 30_000 });

  await page.reload();
  await expect(editor(page, 'drive-by-hand')).toHaveText('print("my own code")');
  await expect(cell(page, 'drive-by-hand').getByText('modified')).toBeVisible();

  // Another device: same learner (cookie), empty browser storage.
  const other = await browser.newContext({ baseURL, storageState: { cookies: await page.context().cookies(), origins: [] } });
  const otherPage = await other.newPage();
  await otherPage.goto(lesson);
  await expect(editor(otherPage, 'drive-by-hand')).toHaveText('print("my own code")');
  await other.close();

  await cell(page, 'drive-by-hand').getByRole('button', { name: 'Reset cell drive-by-hand to original' }).click();
  await expect(editor(page, 'drive-by-hand')).toContainText('async def answer():');
  await expect(cell(page, 'drive-by-hand').getByText('modified')).toHaveCount(0);
  await page.waitForTimeout(1500); // the server save follows the last edit after a second
  await page.reload();
  await expect(editor(page, 'drive-by-hand')).toContainText('async def answer():');
});

test('Download as .ipynb gives an nbformat 4 notebook with the learner code and outputs', async ({ page }) => {
  await page.goto(lesson);
  await replaceCode(page, 'drive-by-hand', 'print("exported")\n6 * 7');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(output(page, 'drive-by-hand')).toContainText('42', { timeout: 30_000 });
  const downloading = page.waitForEvent('download');
  await toolbar(page).getByRole('button', { name: 'Download as .ipynb' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('notebook-basics.ipynb');
  const notebook = JSON.parse(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString()));
  expect(notebook).toMatchObject({ nbformat: 4, nbformat_minor: 5 });
  const exported = notebook.cells.find((item: { id: string }) => item.id === 'drive-by-hand');
  expect(exported).toMatchObject({
    cell_type: 'code',
    source: ['print("exported")\n', '6 * 7'],
    execution_count: 1,
    outputs: [
      { output_type: 'stream', name: 'stdout', text: ['exported\n'] },
      { output_type: 'execute_result', data: { 'text/plain': ['42'] } },
    ],
  });
  expect(notebook.cells[0]).toMatchObject({ cell_type: 'markdown', source: ['# Notebook basics'] });
});

test('every toolbar control is reachable by keyboard with an accessible name', async ({ page }) => {
  await page.goto(lesson);
  const names: string[] = [];
  for (let step = 0; step < 20; step += 1) {
    await page.keyboard.press('Tab');
    names.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
  }
  for (const name of ['Run all', 'Restart kernel', 'Restart and run all', 'Clear outputs', 'Download as .ipynb']) {
    expect(names).toContain(name);
  }
});

test('the theme toggle switches to dark and the choice is kept', async ({ page }) => {
  await page.goto(lesson);
  const toggle = page.getByRole('button', { name: /Change theme/ });
  await toggle.click(); // system -> light
  await toggle.click(); // light -> dark
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expect(toggle).toHaveAccessibleName('Theme: dark. Change theme');
});

for (const path of ['/', '/learn/what-is-a-coroutine', '/learn/async-def']) {
  realCourseTest(`${path} has no serious or critical accessibility violations`, async ({ page }) => {
    await page.goto(path);
    if (path !== '/') await waitForKernel(page);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('the editor completes names from the live kernel namespace', async ({ page }) => {
  await page.goto(lesson);
  await waitForKernel(page);
  await cell(page, 'co-coroutine-flag').getByRole('button', { name: 'Run cell co-coroutine-flag' }).click();
  await expect(output(page, 'co-coroutine-flag')).toHaveText('True');
  await replaceCode(page, 'drive-by-hand', '');
  // Completion is CodeMirror's: it replaces the plain text area once the learner reaches for the code.
  await expect(editor(page, 'drive-by-hand')).toHaveAttribute('contenteditable', 'true');
  await page.keyboard.type('gre');
  await expect(page.getByRole('option', { name: 'greet' })).toBeVisible();
  // CodeMirror ignores Enter for 75 ms after the list opens, so a fast typist's newline stays a newline.
  await page.waitForTimeout(100);
  await page.keyboard.press('Enter');
  await page.keyboard.type('.__na');
  await expect(page.getByRole('option', { name: '__name__' })).toBeVisible();
  await page.waitForTimeout(100);
  await page.keyboard.press('Enter');
  await expect(editor(page, 'drive-by-hand')).toHaveText('greet.__name__');
});

test('long output is collapsed until the learner expands it, and Copy puts it on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(lesson);
  await waitForKernel(page);
  await replaceCode(page, 'drive-by-hand', 'for i in range(60):\n    print(f"line {i}")');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(output(page, 'drive-by-hand')).toContainText('line 59');
  const target = cell(page, 'drive-by-hand');
  const expand = target.getByRole('button', { name: 'Show all 60 lines' });
  await expect(expand).toHaveAttribute('aria-expanded', 'false');
  const collapsedHeight = (await output(page, 'drive-by-hand').boundingBox())?.height ?? 0;
  await expand.click();
  await expect(target.getByRole('button', { name: 'Collapse output' })).toHaveAttribute('aria-expanded', 'true');
  expect((await output(page, 'drive-by-hand').boundingBox())?.height ?? 0).toBeGreaterThan(collapsedHeight);

  await target.getByRole('button', { name: 'Copy output of cell drive-by-hand' }).click();
  await expect(target.getByRole('button', { name: 'Copy output of cell drive-by-hand' })).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.split('\n').slice(0, 2)).toEqual(['line 0', 'line 1']);
  expect(copied.trimEnd().split('\n')).toHaveLength(60);
});
