// Conformance: asyncio programs in the spirit of the Python docs' examples, run as scripts in
// the kernel and compared with what CPython prints. Real Pyodide, real CPython, no mocks.
//
// Each fixture is conformance/NAME.py with its expected output in conformance/NAME.expected
// (stdout and stderr interleaved as a terminal shows them, then "[exit status N]"). Its first
// line says what it is checked against:
//   "# conformance: cpython311 [timed]": the output is the same on CPython 3.11 and 3.14, so
//     the test also runs it with /usr/bin/python3 (3.11) and compares; `timed` compares the
//     time figures it prints too (within 5%). Its .expected is CPython 3.11's output.
//   anything else: a 3.12+ feature; its .expected was derived from CPython 3.14's sources, as
//     the fixture's docstring explains.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeKernel } from './node-kernel';

const DIR = fileURLToPath(new URL('./conformance/', import.meta.url));
const CPYTHON_311 = '/usr/bin/python3';
/** How far a timed figure may be from CPython's. */
const TIME_TOLERANCE = 0.05;

type Fixture = { name: string; path: string; code: string; cpython311: boolean; timed: boolean; expected: string };
type Output = { text: string };

/**
 * What may differ between two correct runs, replaced by a placeholder:
 * - addresses and ids (`0x7f3a...`) -> `0x?`;
 * - time figures, a decimal number followed by "s" or " seconds" (`took 0.151 seconds`,
 *   `elapsed 0.502s`) -> `<t>`;
 * - where files live: this directory -> `<dir>/`, the standard library (`/lib/python314.zip/`,
 *   `/usr/lib/python3.11/`) -> `<stdlib>/`.
 */
function normalise(text: string): string {
  return text
    .replaceAll(DIR, '<dir>/')
    .replace(/\/[\w/.-]*?\/python3\.?\d+(?:\.zip)?\//g, '<stdlib>/')
    .replace(/0x[0-9a-f]+/g, '0x?')
    .replace(/\d+\.\d+(?=s\b| seconds\b)/g, '<t>');
}

/** The time figures a timed fixture prints, in order. */
function timeFigures(text: string): number[] {
  return [...text.matchAll(/(\d+\.\d+)(?=s\b| seconds\b)/g)].map((match) => Number(match[1]));
}

function readFixtures(): Fixture[] {
  return readdirSync(DIR)
    .filter((file) => file.endsWith('.py'))
    .sort()
    .map((file) => {
      const path = join(DIR, file);
      const code = readFileSync(path, 'utf8');
      const header = /^# conformance: (.*)$/m.exec(code.split('\n', 1)[0] ?? '')?.[1] ?? '';
      const words = header.split(/\s+/);
      const name = file.slice(0, -'.py'.length);
      const expected = readFileSync(join(DIR, `${name}.expected`), 'utf8');
      return { name, path, code, cpython311: words[0] === 'cpython311', timed: words.includes('timed'), expected };
    });
}

const kernel = new NodeKernel();
const fixtures = readFixtures();

async function runInKernel(fixture: Fixture): Promise<Output> {
  let text = '';
  const result = await kernel.runScript(fixture.path, fixture.code, [fixture.path], {
    timeoutMs: 20_000,
    outputLimits: null,
    onStream: (_name, chunk) => (text += chunk),
  });
  // The script printed its own traceback; a kernel that died did not.
  if (result.exitCode === undefined && result.error) text += result.error.traceback;
  return { text: `${text}[exit status ${result.exitCode ?? 1}]\n` };
}

/** `python3 -u FILE 2>&1`: unbuffered, both streams through one pipe, so their order is kept. */
function runInCPython(fixture: Fixture): Promise<Output> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', 'exec "$0" -u "$1" 2>&1', CPYTHON_311, fixture.path], {
      cwd: DIR,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ text: `${text}[exit status ${code ?? 1}]\n` }));
  });
}

const cpythonRuns = new Map<string, Promise<Output>>();

beforeAll(async () => {
  // CPython runs one fixture at a time, alongside the kernel's runs (most fixtures sleep).
  let previous: Promise<unknown> = Promise.resolve();
  for (const fixture of fixtures.filter((candidate) => candidate.cpython311)) {
    const run = previous.then(() => runInCPython(fixture));
    cpythonRuns.set(fixture.name, run);
    previous = run.catch(() => undefined);
  }
  await kernel.start();
});

const withinTolerance = (ours: number[], theirs: number[]) =>
  ours.length === theirs.length && ours.every((seconds, index) => Math.abs(seconds / (theirs[index] ?? 0) - 1) < TIME_TOLERANCE);

/** Compare the time figures; on a miss, measure both again, one after the other. */
async function compareTimes(fixture: Fixture, kernelRun: Output, cpythonRun: Output): Promise<void> {
  let ours = timeFigures(kernelRun.text);
  let theirs = timeFigures(cpythonRun.text);
  if (!withinTolerance(ours, theirs)) {
    // A busy machine delays a process's wakeups (by 80 ms at a load of 5 on 2 cores).
    ours = timeFigures((await runInKernel(fixture)).text);
    theirs = timeFigures((await runInCPython(fixture)).text);
  }
  console.info(`${fixture.name}: kernel ${ours.join(' / ')} s, CPython 3.11 ${theirs.join(' / ')} s`);
  expect(ours).toHaveLength(theirs.length);
  ours.forEach((seconds, index) => {
    const reference = theirs[index] ?? Number.NaN;
    expect(Math.abs(seconds / reference - 1), `figure ${index + 1}: ${seconds} s vs ${reference} s`).toBeLessThan(TIME_TOLERANCE);
  });
}
afterAll(() => kernel.dispose());

describe('conformance with CPython', () => {
  for (const fixture of fixtures) {
    const against = fixture.cpython311 ? 'CPython 3.11 and 3.14' : 'CPython 3.14 (derived)';
    it(`${fixture.name}.py prints what ${against} prints`, async () => {
      const kernelRun = await runInKernel(fixture);
      expect(normalise(kernelRun.text)).toBe(fixture.expected);
      const cpython = cpythonRuns.get(fixture.name);
      if (!cpython) return;
      const cpythonRun = await cpython;
      expect(normalise(kernelRun.text)).toBe(normalise(cpythonRun.text));
      if (fixture.timed) await compareTimes(fixture, kernelRun, cpythonRun);
    });
  }
});
