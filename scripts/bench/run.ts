/**
 * `npm run bench [-- --runs=N --rebuild --no-write --dist-dir=DIR]`: measures the lesson page and the kernel
 * against bare Pyodide on the real production server, prints a table and rewrites
 * docs/BENCHMARKS.md. A benchmark, not a test: it fails only if something cannot be measured.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppServer } from '../../e2e/fixtures/app-server';
import { launchBrowser } from './browser';
import { BENCH_DIST_DIR, ensureBuilt, kernelFingerprint, projectRoot } from './build';
import { figuresOf, methodText, type Measured } from './figures';
import { measureJavaScript } from './javascript-size';
import { measureKernelApi } from './kernel-api';
import { LESSON, measurePages } from './lesson-page';
import { measureProgressApi } from './progress-api';
import { consoleTable, markdownReport } from './report';
import { measureServerKernel } from './server-kernel';
import { measureTraceOverhead, traceOverheadMarkdown } from '../../runtime/trace/measure-overhead';
import { cpuBusyShare } from './stats';

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    rebuild: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    /** Measure this existing production build (say, an e2e build of the same tree) instead of building `.next-bench`. */
    'dist-dir': { type: 'string' },
  },
});
const runs = Number(flags.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, not ${flags.runs}`);

const startedAt = Date.now();
const log = (message: string) => console.log(`bench [${((Date.now() - startedAt) / 1000).toFixed(0)} s]: ${message}`);
const percent = (share: number) => `${Math.round(share * 100)}%`;
const packageVersion = (name: string): string =>
  String(JSON.parse(readFileSync(path.join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')).version);

const build = ensureBuilt(flags.rebuild, flags['dist-dir']);
const kernelBuild = kernelFingerprint();
const kernelReplaced = () => kernelFingerprint() !== kernelBuild;
const distDir = flags['dist-dir'] ?? BENCH_DIST_DIR;
process.env.AWAITABLE_BENCH = '1'; // AppServer hands our environment to `next start`: this enables /bench
const server = await AppServer.create('bench', { distDir });
log(`next start on ${server.url}, database ${path.relative(projectRoot, server.databaseFile)}`);
const busyBefore = await cpuBusyShare(2000); // our server is idle: this is other processes' work

let measured: (Measured & { serverKernel: Awaited<ReturnType<typeof measureServerKernel>> }) | undefined;
try {
  // The server loads each route's code on its first request: not what we measure.
  for (const route of [LESSON, '/bench', '/bench/bare', '/bench/bare-worker']) await (await fetch(server.url + route)).text();
  const browser = await launchBrowser();
  const chromiumVersion = browser.version();
  let kernel;
  try {
    kernel = await measureKernelApi(browser, server.url, runs);
  } finally {
    await browser.close();
  }
  log('kernel API measured (round trips, gather, hard stops)');
  const pages = await measurePages(server.url, runs, log);
  const javascript = await measureJavaScript(server.url + LESSON, pages.scriptUrls, pages.editorScriptUrls);
  const serverKernel = await measureServerKernel({ baseUrl: server.url, rounds: runs });
  log('server kernel measured (20 concurrent runs, overhead vs bare python3)');
  measured = { chromiumVersion, kernel, pages, javascript, serverKernel };
} catch (error) {
  if (kernelReplaced()) throw new Error('public/kernel was rebuilt while the bench ran: run it again', { cause: error });
  throw error;
} finally {
  await server.stop();
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${server.databaseFile}${suffix}`, { force: true });
}
// The progress API runs its own servers (SQLite, then PostgreSQL), with the rate limit lifted.
const progressApi = await measureProgressApi({ distDir, log });
log('progress API measured (SQLite and PostgreSQL: paced 1/16/64/256 learners, saturation 1/16/64)');
const traceRounds = Math.max(runs, 5);
const traceOverhead = traceOverheadMarkdown(await measureTraceOverhead(traceRounds), traceRounds);
log('tracing overhead measured (10,000 tasks, traced vs untraced)');
const busyAfter = await cpuBusyShare(2000);

if (kernelReplaced()) console.warn('bench: public/kernel was rebuilt while the bench ran; the figures may mix two kernel builds.');
const figures = figuresOf(measured);
const cpus = os.cpus();
const machine = {
  CPU: `${cpus[0]?.model ?? 'unknown'}, ${cpus.length} cores`,
  Memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
  OS: `${os.type()} ${os.release()} (${os.arch()})`,
  'CPU busy with other work, 2 s before / after': `${percent(busyBefore)} / ${percent(busyAfter)}`,
  Node: process.version,
  Chromium: `${measured.chromiumVersion} (headless, /usr/bin/chromium)`,
  Pyodide: `${packageVersion('pyodide')} (CPython ${measured.kernel.pythonVersion})`,
  Next: packageVersion('next'),
  Builds: `kernel ${build.kernel}${kernelReplaced() ? ' (and rebuilt during the run)' : ''}, next ${build.next} (${distDir})`,
  'Bench duration': `${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
};

const notes: string[] = [];
if (Math.max(busyBefore, busyAfter) > 0.2) {
  notes.push(
    `**Other work was running** (CPU ${percent(busyBefore)} busy just before the bench, ${percent(busyAfter)} just after): ` +
      'absolute times are inflated and noisy; the ratios, measured side by side in the same run, suffer less.',
  );
}

console.log(`\n${consoleTable(figures)}\n`);
console.log(`${measured.serverKernel.markdown}\n`);
console.log(`${progressApi.markdown}\n`);
console.log(`${traceOverhead}\n`);
if (measured.serverKernel.data.failures.count > 0) console.warn(`bench: ${measured.serverKernel.data.failures.count} server-kernel runs failed`);
for (const note of notes) console.log(note.replaceAll('**', ''));
for (const [key, value] of Object.entries(machine)) console.log(`${key}: ${value}`);
if (!flags['no-write']) {
  const date = new Date().toISOString().replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC');
  const report = markdownReport({ date, machine, figures, runs, notes, method: methodText({ runs, kernel: measured.kernel, javascript: measured.javascript }), sections: [measured.serverKernel.markdown, progressApi.markdown, traceOverhead] });
  writeFileSync(path.join(projectRoot, 'docs', 'BENCHMARKS.md'), report);
  console.log('\nbench: wrote docs/BENCHMARKS.md');
}
