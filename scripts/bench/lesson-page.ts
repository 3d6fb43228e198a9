/**
 * Page-level measurements, all in the page's own clock (ms since navigation start): kernel
 * ready on the lesson page and on the bare-Pyodide page, first contentful paint, and the
 * first finished run of a cell. An init script watches the DOM, so the marks do not depend on
 * how often Playwright polls.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { withProfile } from './browser';

export const LESSON = '/learn/what-is-a-coroutine';
export const FIRST_CELL = 'gather-three-sleeps';

type Marks = { kernelFrame?: number; kernelReady?: number; cellFinished?: number; runClicked?: number };
type ProbeOptions = { cellId: string; autoRun: boolean };

declare global {
  interface Window {
    awaitableBenchMarks?: Marks;
    bareReadyAt?: number;
  }
}

/** `scriptUrls`: scripts requested until the kernel was ready and the page idle; `editorScriptUrls`: those a first click on a cell's code added (CodeMirror). */
export type LessonVisit = { kernelFrameMs: number; kernelReadyMs: number; fcpMs: number; kernelBytes: number; scriptUrls: string[]; editorScriptUrls: string[] };
export type BareVisit = { readyMs: number; kernelBytes: number };
export type FirstRunVisit = { finishedMs: number; clickedMs: number };

/** Runs in the page before its scripts (serialized by Playwright: only its argument and the page's globals). */
function probe({ cellId, autoRun }: ProbeOptions): void {
  if (window.top !== window) return; // the kernel frame
  const marks: Marks = {};
  window.awaitableBenchMarks = marks;
  const status = '[role="status"][aria-label="Kernel status"]';
  const output = `[role="log"][aria-label="Output of cell ${cellId}"]`;
  new MutationObserver(() => {
    // The kernel's frame appears when the page starts the kernel (the lesson has no other iframe).
    if (marks.kernelFrame === undefined && document.querySelector('iframe')) marks.kernelFrame = performance.now();
    if (marks.kernelReady === undefined && document.querySelector(status)?.textContent?.includes('Python ready')) {
      marks.kernelReady = performance.now();
    }
    if (marks.cellFinished === undefined && document.querySelector(output)?.textContent?.includes('finished')) {
      marks.cellFinished = performance.now();
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
  if (!autoRun) return;
  // Click Run as soon as it does something: the server-rendered button is enabled before
  // hydration, when a click is lost, so click every 10 ms until the cell leaves 'idle'.
  const timer = setInterval(() => {
    const cell = document.querySelector(`section[aria-label="Cell ${cellId}"]`);
    if (!cell) return;
    if (cell.getAttribute('data-state') !== 'idle') return clearInterval(timer);
    const button = cell.querySelector(`button[aria-label="Run cell ${cellId}"]`);
    if (button instanceof HTMLButtonElement && !button.disabled) {
      marks.runClicked = performance.now();
      button.click();
    }
  }, 10);
}

/**
 * Bytes of Pyodide and kernel files (/pyodide/, /kernel/) that came from the server, not the
 * HTTP cache, in this context from now on (workers and frames included). Call the result to
 * read the requests finished so far.
 */
function kernelBytesFromServer(context: BrowserContext): () => Promise<number> {
  const sizes: Promise<number>[] = [];
  context.on('requestfinished', (request) => {
    const { pathname } = new URL(request.url());
    if (!pathname.startsWith('/pyodide/') && !pathname.startsWith('/kernel/')) return;
    // A response from the cache reports no body (Chromium even reports a negative size).
    sizes.push(request.sizes().then((size) => Math.max(0, size.responseBodySize), () => 0));
  });
  return async () => (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
}

async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

async function waitForMark(page: Page, mark: keyof Marks): Promise<number> {
  const handle = await page.waitForFunction((name) => window.awaitableBenchMarks?.[name], mark, { polling: 50, timeout: 60_000 }).catch(async (error: unknown) => {
    const status = await page.getByRole('status', { name: 'Kernel status' }).textContent({ timeout: 1000 }).catch(() => 'no kernel status');
    throw new Error(`${page.url()}: no ${mark} mark within 60 s (kernel status: ${status})`, { cause: error });
  });
  const value = await handle.jsonValue();
  if (typeof value !== 'number') throw new Error(`mark ${mark} missing`);
  return value;
}

/** Navigate to the lesson and wait until the kernel status says 'Python ready'. */
export async function visitLesson(context: BrowserContext, baseUrl: string): Promise<LessonVisit> {
  const kernelBytes = kernelBytesFromServer(context);
  const page = await firstPage(context);
  const scriptUrls = new Set<string>();
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scriptUrls.add(request.url());
  });
  await page.addInitScript(probe, { cellId: FIRST_CELL, autoRun: false });
  await page.goto(baseUrl + LESSON, { waitUntil: 'commit' });
  const kernelReadyMs = await waitForMark(page, 'kernelReady');
  // What the kernel needed to get ready: not the spare kernel that the frame boots afterwards.
  const kernelBytesAtReady = kernelBytes();
  const code = page.getByRole('textbox', { name: `Code of cell ${FIRST_CELL}` });
  await code.waitFor(); // hydrated: a plain text area; CodeMirror comes on the first interaction
  await page.waitForLoadState('load');
  const fcpMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN);
  const kernelFrameMs = await page.evaluate(() => window.awaitableBenchMarks?.kernelFrame ?? Number.NaN);
  await page.waitForTimeout(1000); // idle: anything the page would still fetch by itself
  const atLoad = [...scriptUrls];
  await code.click();
  await page.locator(`[aria-label="Code of cell ${FIRST_CELL}"][contenteditable="true"]`).waitFor();
  const editorScriptUrls = [...scriptUrls].filter((url) => !atLoad.includes(url));
  return { kernelFrameMs, kernelReadyMs, fcpMs, kernelBytes: await kernelBytesAtReady, scriptUrls: atLoad, editorScriptUrls };
}

/** Navigate to the lesson, click Run on the first cell as soon as it works, wait for its 'finished' line. */
export async function firstRun(context: BrowserContext, baseUrl: string): Promise<FirstRunVisit> {
  const page = await firstPage(context);
  await page.addInitScript(probe, { cellId: FIRST_CELL, autoRun: true });
  await page.goto(baseUrl + LESSON, { waitUntil: 'commit' });
  const finishedMs = await waitForMark(page, 'cellFinished');
  const clickedMs = await waitForMark(page, 'runClicked');
  return { finishedMs, clickedMs };
}

/** The baseline page (/bench/bare): bare `loadPyodide` in a module worker, started by an inline script. */
export async function visitBarePage(context: BrowserContext, baseUrl: string): Promise<BareVisit> {
  const kernelBytes = kernelBytesFromServer(context);
  const page = await firstPage(context);
  await page.goto(`${baseUrl}/bench/bare`, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(() => window.bareReadyAt, undefined, { polling: 50, timeout: 60_000 });
  const readyMs = await handle.jsonValue();
  if (typeof readyMs !== 'number') throw new Error('bareReadyAt missing');
  return { readyMs, kernelBytes: await kernelBytes() };
}

export type PageResults = {
  lesson: { warmFrame: number[]; warmKernelKb: number[]; coldReady: number[]; warmReady: number[]; coldFcp: number[]; warmFcp: number[]; firstRunFinished: number[]; firstRunClicked: number[] };
  bare: { coldReady: number[]; warmReady: number[]; warmKernelKb: number[] };
  /** Scripts the lesson page requested on its first (cold) visit, until the kernel was ready and the page idle. */
  scriptUrls: string[];
  /** Scripts a first click on a cell's code added (the CodeMirror editor). */
  editorScriptUrls: string[];
};

/**
 * Each run, for the lesson and then the bare page: a fresh profile (cold), then Chromium
 * relaunched on the same profile (warm HTTP cache, as a learner who comes back). The lesson
 * gets a third visit on that profile for its first cell run.
 */
export async function measurePages(baseUrl: string, runs: number, log: (message: string) => void): Promise<PageResults> {
  const results: PageResults = {
    lesson: { warmFrame: [], warmKernelKb: [], coldReady: [], warmReady: [], coldFcp: [], warmFcp: [], firstRunFinished: [], firstRunClicked: [] },
    bare: { coldReady: [], warmReady: [], warmKernelKb: [] },
    scriptUrls: [],
    editorScriptUrls: [],
  };
  const { lesson, bare } = results;
  const visit = async <T>(open: () => Promise<BrowserContext>, measure: (context: BrowserContext) => Promise<T>) => {
    const context = await open();
    try {
      return await measure(context);
    } finally {
      await context.close();
    }
  };
  for (let run = 0; run < runs; run++) {
    await withProfile(async (open) => {
      const cold = await visit(open, (context) => visitLesson(context, baseUrl));
      const warm = await visit(open, (context) => visitLesson(context, baseUrl));
      const first = await visit(open, (context) => firstRun(context, baseUrl));
      lesson.coldReady.push(cold.kernelReadyMs);
      lesson.coldFcp.push(cold.fcpMs);
      lesson.warmReady.push(warm.kernelReadyMs);
      lesson.warmFrame.push(warm.kernelFrameMs);
      lesson.warmKernelKb.push(warm.kernelBytes / 1024);
      lesson.warmFcp.push(warm.fcpMs);
      lesson.firstRunFinished.push(first.finishedMs);
      lesson.firstRunClicked.push(first.clickedMs);
      if (run === 0) Object.assign(results, { scriptUrls: cold.scriptUrls, editorScriptUrls: cold.editorScriptUrls });
    });
    await withProfile(async (open) => {
      bare.coldReady.push((await visit(open, (context) => visitBarePage(context, baseUrl))).readyMs);
      const warm = await visit(open, (context) => visitBarePage(context, baseUrl));
      bare.warmReady.push(warm.readyMs);
      bare.warmKernelKb.push(warm.kernelBytes / 1024);
    });
    const ms = (values: number[]) => `${Math.round(values.at(-1) ?? Number.NaN)} ms`;
    log(
      `page run ${run + 1}/${runs}: kernel ready cold ${ms(lesson.coldReady)}, warm ${ms(lesson.warmReady)}; ` +
        `bare cold ${ms(bare.coldReady)}, warm ${ms(bare.warmReady)}; first run finished ${ms(lesson.firstRunFinished)}`,
    );
  }
  return results;
}
