/**
 * The server kernel under load and its cost: N concurrent runs of the four-thread demo through
 * the app's run API (throughput, p50/p99 latency, failures), the sandbox's per-run overhead
 * against bare `python3` measured side by side, and the threads lesson's figures. Returns the
 * data and a markdown section for docs/BENCHMARKS.md.
 *
 * With `baseUrl` the load goes through the real server (POST /api/server-kernel/run, one
 * learner cookie per run); without it, through an in-process ServerKernelService with the
 * app's queue settings. Standalone: `npx tsx scripts/bench/server-kernel.ts [BASE_URL]`.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RunStreamEvent } from '../../runtime/server/protocol';
import { queueOptionsFromEnv, ServerKernelService } from '../../runtime/server/run-service';
import { checkSandbox, startSandboxRun } from '../../runtime/server/sandbox';
import { sandboxPython } from '../../runtime/server/sandbox-command';
import type { ServerRunEnd } from '../../runtime/server/server-kernel-client';
import { CPU_BOUND_THREE_WAYS, FOUR_THREADS_SLEEPING } from '../../runtime/server/threads-demo';
import { summarize, type Summary } from './stats';

export type ServerKernelBench = {
  concurrent: number;
  rounds: number;
  via: 'http' | 'in-process';
  queue: ReturnType<typeof queueOptionsFromEnv>;
  /** Per round: wall time from the first request to the last end, ms. */
  roundMs: number[];
  /** Every run: request sent -> end event, ms. */
  latencyMs: number[];
  throughputPerSecond: number;
  failures: { count: number; examples: string[] };
  /** The demo's own time inside Python, s. */
  insidePythonSeconds: Summary;
  overhead: { sandboxMs: Summary; bareMs: Summary; samples: number };
  lesson: { sleepingThreadsSeconds: number; sequential: number; threads: number; processes: number };
};

const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const OVERHEAD_SAMPLES = 20;

/** The quantile q (0..1) by nearest rank. */
export function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/** A lesson id of the course the server serves (the run API checks it exists). */
function firstLessonId(): string {
  const contentDir = path.join(projectRoot, 'content');
  for (const folder of readdirSync(contentDir).sort()) {
    try {
      const id = /^id:\s*(\S+)/m.exec(readFileSync(path.join(contentDir, folder, 'index.mdx'), 'utf8'))?.[1];
      if (id) return id;
    } catch {
      // Not a lesson folder.
    }
  }
  throw new Error('no lesson with an id in content/');
}

type RunResult = { end: ServerRunEnd | null; stdout: string; problem?: string };

async function runOverHttp(baseUrl: string, lessonId: string, code: string): Promise<RunResult> {
  const response = await fetch(`${baseUrl}/api/server-kernel/run`, {
    method: 'POST',
    headers: { origin: baseUrl, 'content-type': 'application/json', cookie: `awaitable_anon=${randomUUID()}` },
    body: JSON.stringify({ lessonId, cellId: 'bench', code, setup: [] }),
  });
  const text = await response.text();
  if (response.status !== 200) return { end: null, stdout: '', problem: `HTTP ${response.status}: ${text.slice(0, 200)}` };
  return collect(text);
}

async function runInProcess(service: ServerKernelService, code: string): Promise<RunResult> {
  const result = await service.start(randomUUID(), { code, setup: [] });
  if (result.kind !== 'stream') return { end: null, stdout: '', problem: `${result.kind}: ${result.message}` };
  return collect(await new Response(result.body).text());
}

function collect(ndjson: string): RunResult {
  let stdout = '';
  let end: ServerRunEnd | null = null;
  for (const line of ndjson.trim().split('\n')) {
    const event = RunStreamEvent.parse(JSON.parse(line));
    if (event.type === 'run.stream' && event.name === 'stdout') stdout += event.text;
    if (event.type === 'run.end') end = event.end;
  }
  return { end, stdout };
}

/** One sandboxed run of `code` straight through the sandbox (no queue, no HTTP), ms. */
async function sandboxedOnce(code: string): Promise<{ ms: number; stdout: string }> {
  let stdout = '';
  const started = performance.now();
  const run = startSandboxRun({ code, setup: [] }, (event) => (stdout += event.name === 'stdout' ? event.text : ''), { slot: 998 });
  if (run === null) throw new Error('bwrap is not installed');
  const end = await run.done;
  if (end.reason !== 'finished') throw new Error(`sandboxed run ended ${end.reason}: ${end.message ?? ''}`);
  return { ms: performance.now() - started, stdout };
}

function bareOnce(code: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(sandboxPython(), ['-I', '-u', '-B', '-c', code], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('close', (exit) => (exit === 0 ? resolve(performance.now() - started) : reject(new Error(`python3 exited ${exit}`))));
  });
}

export async function measureServerKernel(options: { baseUrl?: string; concurrent?: number; rounds?: number } = {}): Promise<{ data: ServerKernelBench; markdown: string }> {
  const status = await checkSandbox();
  if (!status.available) throw new Error(`the server kernel is not available here: ${status.reason}`);
  const concurrent = options.concurrent ?? 20;
  const rounds = options.rounds ?? 5;
  const queue = queueOptionsFromEnv();
  const service = new ServerKernelService({ queue });
  const lessonId = options.baseUrl ? firstLessonId() : '';
  const once = (code: string) => (options.baseUrl ? runOverHttp(options.baseUrl, lessonId, code) : runInProcess(service, code));

  await once('print(1)'); // the server loads the route's code on its first request
  const roundMs: number[] = [];
  const latencyMs: number[] = [];
  const inside: number[] = [];
  const failures: string[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: concurrent }, async () => {
        const sent = performance.now();
        const result = await once(FOUR_THREADS_SLEEPING);
        latencyMs.push(performance.now() - sent);
        return result;
      }),
    );
    roundMs.push(performance.now() - started);
    for (const result of results) {
      if (result.end?.reason !== 'finished') failures.push(result.problem ?? `${result.end?.reason}: ${result.end?.message ?? ''}`);
      else inside.push(Number(JSON.parse(result.stdout).elapsed));
    }
  }
  const totalMs = roundMs.reduce((sum, value) => sum + value, 0);

  const sandboxMs: number[] = [];
  const bareMs: number[] = [];
  await sandboxedOnce('print(1)');
  await bareOnce('print(1)');
  for (let sample = 0; sample < OVERHEAD_SAMPLES; sample++) {
    sandboxMs.push((await sandboxedOnce('print(1)')).ms);
    bareMs.push(await bareOnce('print(1)'));
  }

  const sleeping = JSON.parse((await sandboxedOnce(FOUR_THREADS_SLEEPING)).stdout);
  const cpu = JSON.parse((await sandboxedOnce(CPU_BOUND_THREE_WAYS)).stdout);
  const data: ServerKernelBench = {
    concurrent,
    rounds,
    via: options.baseUrl ? 'http' : 'in-process',
    queue,
    roundMs,
    latencyMs,
    throughputPerSecond: (concurrent * rounds) / (totalMs / 1000),
    failures: { count: failures.length, examples: [...new Set(failures)].slice(0, 3) },
    insidePythonSeconds: summarize(inside),
    overhead: { sandboxMs: summarize(sandboxMs), bareMs: summarize(bareMs), samples: OVERHEAD_SAMPLES },
    lesson: { sleepingThreadsSeconds: sleeping.elapsed, sequential: cpu.sequential, threads: cpu.threads, processes: cpu.processes },
  };
  return { data, markdown: markdownSection(data) };
}

const ms = (value: number) => (value < 100 ? value.toFixed(1) : value.toFixed(0));
const s = (value: number) => value.toFixed(2);

export function markdownSection(data: ServerKernelBench): string {
  const { overhead, lesson, queue } = data;
  const overheadMs = overhead.sandboxMs.median - overhead.bareMs.median;
  const failures = data.failures.count === 0 ? '0' : `**${data.failures.count}** (${data.failures.examples.join('; ')})`;
  return `## Server kernel (sandboxed CPython for threads)

| Figure | Value |
| --- | --- |
| Load: ${data.concurrent} concurrent runs of the four-thread demo, ${data.rounds} rounds (${data.via === 'http' ? 'through POST /api/server-kernel/run' : 'in-process run service'}) | throughput ${data.throughputPerSecond.toFixed(1)} runs/s; a round ${ms(summarize(data.roundMs).median)} ms (median) |
| Latency per run, request → end | p50 ${ms(percentile(data.latencyMs, 0.5))} ms, p99 ${ms(percentile(data.latencyMs, 0.99))} ms, max ${ms(Math.max(...data.latencyMs))} ms |
| Failed runs | ${failures} of ${data.concurrent * data.rounds} |
| The demo inside Python (4 threads × sleep 0.5 s) | median ${s(data.insidePythonSeconds.median)} s (${s(data.insidePythonSeconds.min)}–${s(data.insidePythonSeconds.max)}) |
| \`print(1)\`: sandboxed run vs bare \`python3\`, median of ${overhead.samples} each | ${ms(overhead.sandboxMs.median)} ms vs ${ms(overhead.bareMs.median)} ms: **+${ms(overheadMs)} ms per run** (${(overhead.sandboxMs.median / overhead.bareMs.median).toFixed(2)}x) |
| Threads lesson, in the sandbox: 4 threads sleeping 0.5 s | ${s(lesson.sleepingThreadsSeconds)} s |
| Threads lesson: 4 × CPU-bound work: sequential / 4 threads / 4 processes (best of 3) | ${s(lesson.sequential)} s / ${s(lesson.threads)} s / ${s(lesson.processes)} s |

- **Queue.** ${queue.concurrency} runs at once (one per slot), up to ${queue.maxQueued} waiting, ${queue.perLearner} per learner,
  ${queue.maxWaitMs / 1000} s longest wait; each load run is a different learner (cookie), so none is refused by the
  per-learner limit. A full queue answers 429 with Retry-After, which would count as a failure here.
- **Latency** includes the wait in the queue: ${data.concurrent} runs of ~0.5 s on ${queue.concurrency} slots take about
  ${Math.ceil(data.concurrent / queue.concurrency)} turns.
- **Overhead.** Spawn to exit, measured from Node, alternating: the sandbox (bwrap with fresh namespaces, prlimit, the
  driver that reads the cell from stdin) against \`${sandboxPython()} -I -u -B -c 'print(1)'\`.
- **Threads lesson.** Wall times inside Python; they depend on the machine's other load (processes need idle cores).
`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { data, markdown } = await measureServerKernel(process.argv[2] ? { baseUrl: process.argv[2] } : {});
  console.log(markdown);
  if (data.failures.count > 0) process.exitCode = 1;
}
