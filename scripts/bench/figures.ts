/** From measurements to figures, with the design's targets (its section 6) and how each figure was taken. */
import type { JavaScriptSize } from './javascript-size';
import { totalKb } from './javascript-size';
import type { KernelApiResults } from './kernel-api';
import { FIRST_CELL, LESSON, type PageResults } from './lesson-page';
import type { Figure } from './report';
import { summarize } from './stats';

export type Measured = { kernel: KernelApiResults; pages: PageResults; javascript: JavaScriptSize; chromiumVersion: string };

const CELL_SLEEP_MS = 1000;
const GATHER_LIMIT_MS = 1000 * 1.02;

export function figuresOf({ kernel, pages, javascript }: Measured): Figure[] {
  const { lesson, bare } = pages;
  const ms = (name: string, ours: number[], baseline?: number[], target?: Figure['target']): Figure => ({
    name,
    unit: 'ms',
    ours: summarize(ours),
    ...(baseline && { baseline: summarize(baseline) }),
    ...(target && { target }),
  });
  const kb = (name: string, value: number, judged = true): Figure => ({
    name,
    unit: 'KB',
    ours: summarize([value]),
    ...(judged && { target: { text: '< 200 KB gzip', met: value < 200 } }),
  });
  const atMost = (limit: number, text: string) => (values: number[]) => ({ text, met: summarize(values).median <= limit });
  const roundTripRatio = summarize(kernel.roundTrip.kernel).median / summarize(kernel.roundTrip.bare).median;
  const gatherInside = kernel.gather.map((timing) => timing.insideMs);
  const gatherAround = kernel.gather.map((timing) => timing.aroundMs);
  const firstRunWork = lesson.firstRunFinished.map((value) => value - CELL_SLEEP_MS);
  return [
    ms('Kernel ready, cold (fresh profile)', lesson.coldReady, bare.coldReady),
    ms('Kernel ready, warm HTTP cache', lesson.warmReady, bare.warmReady, atMost(1500, '≤ 1500 ms')(lesson.warmReady)),
    ms('Lesson: kernel frame in the page (kernel start), warm', lesson.warmFrame),
    { name: 'Pyodide + kernel files from the server, warm', unit: 'KB', ours: summarize(lesson.warmKernelKb), baseline: summarize(bare.warmKernelKb) },
    ms('Cell round trip, `1+1`', kernel.roundTrip.kernel, kernel.roundTrip.bare, { text: '< 2x bare', met: roundTripRatio < 2 }),
    ms('Fresh kernel after a hard stop (stop → ready)', kernel.hardStop.kernel.map((stop) => stop.freshMs), kernel.hardStop.bareFreshMs),
    ms(`Hard stop: run start → kernel ready again (${kernel.hardStop.timeoutMs} ms limit)`, kernel.hardStop.kernel.map((stop) => stop.stoppedMs + stop.freshMs)),
    ms('gather of 3 × sleep(1), inside Python', gatherInside, undefined, atMost(GATHER_LIMIT_MS, '≤ 1020 ms (1 s + 2%)')(gatherInside)),
    ms('gather of 3 × sleep(1), around the run', gatherAround, undefined, atMost(GATHER_LIMIT_MS, '≤ 1020 ms (1 s + 2%)')(gatherAround)),
    kb('Lesson JS, first load (gzip)', totalKb(javascript.firstLoad, 'gzipBytes')),
    kb('Lesson JS, all until the kernel is ready and the page idle (gzip)', totalKb(javascript.all, 'gzipBytes')),
    kb('Code editor (CodeMirror), fetched on the first click in a cell (gzip)', totalKb(javascript.editor, 'gzipBytes'), false),
    ms('First contentful paint, cold', lesson.coldFcp),
    ms('First contentful paint, warm', lesson.warmFcp),
    ms('First run: Run click took effect, warm', lesson.firstRunClicked),
    ms('First run finished, from navigation, warm', lesson.firstRunFinished),
    ms('First run finished minus the 1 s sleep, warm', firstRunWork, undefined, atMost(2000, '≤ 2000 ms')(firstRunWork)),
  ];
}

export function methodText({ runs, kernel, javascript }: { runs: number; kernel: KernelApiResults; javascript: JavaScriptSize }): string {
  const firstLoad = new Set(javascript.firstLoad.map((script) => script.url));
  const scripts = [...javascript.all, ...javascript.editor]
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
    .map((script) => {
      const when = firstLoad.has(script.url) ? 'first load' : javascript.editor.includes(script) ? 'on the first click in a cell' : 'later';
      return `  - \`${new URL(script.url).pathname}\`: ${(script.gzipBytes / 1024).toFixed(1)} KB gzip (${(script.bytes / 1024).toFixed(1)} KB), ${when}`;
    })
    .join('\n');
  return `- **Server and browser.** The production server (\`next start\`) on 127.0.0.1, serving the
  bench's own build (\`.next-bench\`, rebuilt when older than its sources; never \`.next\`),
  with a throwaway SQLite database (AppServer from e2e/fixtures, migrated with \`prisma
  migrate deploy\`) and \`AWAITABLE_BENCH=1\`, which enables the bench-only routes under
  \`app/bench/\` (404 otherwise). Debian's Chromium, headless, launched with the end-to-end
  tests' flags. Every time is taken in the page (\`performance.now()\`, so "from navigation" means from the
  document's navigation start) and read afterwards, so Playwright's polling adds nothing.
- **Baseline (bare Pyodide).** \`/bench/bare\` is a minimal HTML page whose inline module script
  starts a module worker (\`/bench/bare-worker\`) that imports \`/pyodide/pyodide.mjs\` and calls
  \`loadPyodide\`, nothing else; it answers \`{type:'run', code}\` with \`runPython(code)\`. Same
  server, same headers (COOP/COEP, CSP) and the same Pyodide files as the app.
- **Kernel ready.** Navigation to \`${LESSON}\` until the kernel status
  (\`role=status\`, "Kernel status") says "Python ready", seen by a MutationObserver installed
  before the page's scripts. Baseline: navigation to \`/bench/bare\` until its worker reports
  Pyodide loaded. Cold: a new profile (empty HTTP cache). Warm: Chromium closed and relaunched
  on that profile (disk cache kept, no memory cache), then the same navigation. ${runs} runs each,
  on a new profile every run. The app's figure includes the sandboxed frame (rendered in the
  lesson's HTML: it boots Pyodide while the page hydrates), hydration (the page then hands the
  frame Pyodide's files), restoring Pyodide from the memory snapshot that \`npm run build:kernel\`
  makes, and our kernel's own Python setup; the baseline boots Pyodide from scratch (its wasm
  compiled code comes from Chromium's code cache, which the frame's opaque origin never gets).
  "Kernel frame in the page" is when the kernel's iframe appeared (while the HTML is
  parsed). "Files from the server" sums the bodies of \`/pyodide/\` and \`/kernel/\` responses
  that did not come from the HTTP cache on the warm visit until the kernel was ready (not the
  spare kernel the frame boots afterwards; Playwright's \`request.sizes()\`, workers and frames
  included; compressed where the server compressed): the frame's opaque origin has no HTTP
  cache, so its own script, the worker's and Pyodide's JavaScript come again on every visit.
- **Cell round trip.** On \`/bench\`, a page whose kernel comes from the app's own
  \`KernelProvider\` (built exactly as on a lesson page): \`kernel.run('1+1')\` awaited one at a
  time, against \`postMessage\` to the bare worker and back with \`runPython('1+1')\`. After
  20 warm-up runs each, ${runs} batches of ${kernel.roundTrip.perBatch} runs, alternating; the table shows
  the median of each batch's median.
- **Hard stop.** \`sum(range(10**11))\` (a C loop that ignores interrupts) with
  \`timeoutMs: ${kernel.hardStop.timeoutMs}\`: the client interrupts at the limit, terminates the worker a grace
  second later and resolves the run as \`timeout\`; "stop → ready" runs from that moment until
  \`kernel.start()\` resolves on the fresh kernel (warm cache, same page), "run start → kernel
  ready again" from \`kernel.run\` (so limit + grace + restart). The fresh kernel is the
  frame's spare, booted while the page was idle: the bench leaves the page idle for
  ${kernel.hardStop.idleMs / 1000} s before each hard stop, as a learner reading the previous output would. Baseline: terminate
  the bare worker, start a new one and load Pyodide again.
- **gather.** \`asyncio.run\` of a coroutine that gathers three \`asyncio.sleep(1)\`, timed by
  \`time.perf_counter()\` around the gather inside Python, and by the page around
  \`kernel.run\` (so including \`asyncio.run\`'s setup and the messages). Target: 1 s + 2%.
- **Lesson JavaScript.** Every script the lesson page requested on its cold visit (until the
  kernel was ready and the page had been idle for 1 s; cells show a plain text area until the
  learner first clicks, focuses or hovers a cell's code, which fetches CodeMirror: measured
  apart, by clicking the first cell's code afterwards), plus the \`<script src>\` of its HTML
  ("first load"; \`nomodule\` polyfills excluded, as modern browsers skip them), fetched again
  with \`Accept-Encoding: gzip\` and counted as served. One measurement: bytes do not vary.
  \`/pyodide/\` and \`/kernel/\` (Pyodide, the kernel frame and worker) are excluded; the inline
  scripts of the HTML (React Server Components payload) are part of the HTML, not counted.
  The scripts, largest first:
${scripts}
- **First contentful paint.** \`performance.getEntriesByName('first-contentful-paint')\` on the
  cold and warm visits above.
- **First run.** A third visit on the warm profile. From navigation start, the page's own
  script clicks "Run cell ${FIRST_CELL}" every 10 ms until the cell leaves its idle state
  (the server-rendered button is enabled before hydration, when a click does nothing); the
  run is finished when the cell's output ("Output of cell ${FIRST_CELL}") contains
  "finished". The cell waits 1 s in \`asyncio.gather\`; "minus the 1 s sleep" subtracts
  exactly 1000 ms, leaving page load, kernel start, the run's overhead and rendering.
`;
}
