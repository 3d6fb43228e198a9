/**
 * The progress API under load: 1, 16 and 64 concurrent learners, each with its own cookie,
 * writing (POST /api/progress, one cell run per request, closed loop) and then reading
 * (GET /api/progress) for a fixed time, on SQLite and on PostgreSQL (a server of its own from
 * scripts/bootstrap/postgres.mjs). Throughput, p50/p99 latency and errors. The load generator
 * runs on the same machine as the server and the database, so the figures are a floor.
 *
 * Standalone: `npx tsx scripts/bench/progress-api.ts [--dist-dir=.next] [--course=content] [--lesson=ID] [--seconds=5]`.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppServer } from '../../e2e/fixtures/app-server';
import { startPostgres } from '../bootstrap/postgres.mjs';
import { percentile } from './server-kernel';

export type LoadFigures = { requests: number; perSecond: number; p50Ms: number; p99Ms: number; errors: number; errorExamples: string[] };
export type ProgressApiRow = { database: 'SQLite' | 'PostgreSQL'; learners: number; writes: LoadFigures; reads: LoadFigures };
export type ProgressApiBench = { seconds: number; rows: ProgressApiRow[]; markdown: string };
export type ProgressApiOptions = {
  distDir?: string;
  /** The course the build serves (relative to the project root); its first lesson is used. */
  course?: string;
  seconds?: number;
  concurrency?: number[];
  log?: (message: string) => void;
};

const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const TARGET_P99_MS = 50;

function firstLessonId(course: string): string {
  const dir = path.join(projectRoot, course);
  for (const folder of readdirSync(dir).sort()) {
    try {
      const id = /^id:\s*(\S+)/m.exec(readFileSync(path.join(dir, folder, 'index.mdx'), 'utf8'))?.[1];
      if (id) return id;
    } catch {
      // Not a lesson folder.
    }
  }
  throw new Error(`${course}: no lesson with an id`);
}

/** Each learner repeats `request` back to back until the time is up. */
async function closedLoop(learners: string[], seconds: number, request: (cookie: string) => Promise<Response>): Promise<LoadFigures> {
  const latencies: number[] = [];
  const errorExamples: string[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    learners.map(async (cookie) => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        const response = await request(cookie).catch((error: unknown) => error);
        const ok = response instanceof Response && response.ok;
        if (response instanceof Response) await response.arrayBuffer().catch(() => undefined);
        latencies.push(performance.now() - sent);
        if (!ok) {
          errors += 1;
          if (errorExamples.length < 3) errorExamples.push(response instanceof Response ? `HTTP ${response.status}` : String(response));
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    requests: latencies.length,
    perSecond: latencies.length / elapsed,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    errors,
    errorExamples,
  };
}

async function measureServer(server: AppServer, lessonId: string, learnerCounts: number[], seconds: number) {
  const progressUrl = `${server.url}/api/progress`;
  const newLearner = async () => {
    const response = await fetch(`${progressUrl}?lessonId=${lessonId}`);
    return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };
  const write = (cookie: string) =>
    fetch(progressUrl, {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        events: [{ id: randomUUID(), type: 'cell-run', lessonId, cellId: 'bench', status: 'ok', at: new Date().toISOString() }],
      }),
    });
  const read = (cookie: string) => fetch(`${progressUrl}?lessonId=${lessonId}`, { headers: { cookie } });

  await closedLoop([await newLearner()], 1, write); // warm the route and the database
  const rows = [];
  for (const count of learnerCounts) {
    const learners = await Promise.all(Array.from({ length: count }, newLearner));
    const writes = await closedLoop(learners, seconds, write);
    const reads = await closedLoop(learners, seconds, read);
    rows.push({ learners: count, writes, reads });
  }
  return rows;
}

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

function markdownOf(rows: ProgressApiRow[], seconds: number): string {
  const lines = [
    '## Progress API',
    '',
    `Closed loop: each learner (its own cookie) sends its next request when the last one is answered, for ${seconds} s of writes (POST /api/progress, one cell run per request: rate-limit counter, learner, event, lesson and cell upserts, all in one transaction, grouped with concurrent writes into one commit) and then ${seconds} s of reads (GET /api/progress for one lesson: a read-only check of the rate-limit window and one Prisma read; no write). The load generator shares the 2 cores with the server and the database. Target: p99 under ${TARGET_P99_MS} ms at 64 learners with zero errors.`,
    '',
    '| Database | Learners | Writes/s | Write p50 | Write p99 | Reads/s | Read p50 | Read p99 | Errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      ({ database, learners, writes, reads }) =>
        `| ${database} | ${learners} | ${fmt(writes.perSecond, 0)} | ${fmt(writes.p50Ms)} ms | ${fmt(writes.p99Ms)} ms | ${fmt(reads.perSecond, 0)} | ${fmt(reads.p50Ms)} ms | ${fmt(reads.p99Ms)} ms | ${writes.errors + reads.errors} |`,
    ),
    '',
  ];
  for (const row of rows.filter((r) => r.learners === 64)) {
    const worst = Math.max(row.writes.p99Ms, row.reads.p99Ms);
    const errors = row.writes.errors + row.reads.errors;
    const met = worst < TARGET_P99_MS && errors === 0;
    lines.push(`- ${row.database}, 64 learners: worst p99 ${fmt(worst)} ms, ${errors} errors: target ${met ? 'met' : 'NOT met'}.`);
    if (errors > 0) lines.push(`  Examples: ${[...row.writes.errorExamples, ...row.reads.errorExamples].join('; ')}`);
  }
  return lines.join('\n');
}

/** Runs the whole measurement: SQLite first, then PostgreSQL. */
export async function measureProgressApi(options: ProgressApiOptions = {}): Promise<ProgressApiBench> {
  const { distDir = '.next', course = 'content', seconds = 5, concurrency = [1, 16, 64], log = console.log } = options;
  const lessonId = firstLessonId(course);
  // The per-learner rate limit would turn a closed loop into 429s: the bench measures capacity.
  const env = { AWAITABLE_PROGRESS_RATE_LIMIT: '1000000000' };
  const build = { distDir, ...(course === 'content' ? {} : { course }), env };
  const rows: ProgressApiRow[] = [];

  const sqlite = await AppServer.create('bench-progress', build);
  try {
    log(`progress API on SQLite (${sqlite.url})`);
    for (const row of await measureServer(sqlite, lessonId, concurrency, seconds)) rows.push({ database: 'SQLite', ...row });
  } finally {
    await sqlite.stop();
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${sqlite.databaseFile}${suffix}`, { force: true });
  }

  const postgres = await startPostgres({ log });
  try {
    const databaseUrl = await postgres.createDatabase('bench_progress');
    const server = await AppServer.create('bench-progress-pg', { ...build, databaseUrl, migrate: true });
    try {
      log(`progress API on PostgreSQL (${server.url})`);
      for (const row of await measureServer(server, lessonId, concurrency, seconds)) rows.push({ database: 'PostgreSQL', ...row });
    } finally {
      await server.stop();
    }
  } finally {
    postgres.stop();
  }
  return { seconds, rows, markdown: markdownOf(rows, seconds) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { 'dist-dir': { type: 'string' }, course: { type: 'string' }, seconds: { type: 'string' } },
  });
  const result = await measureProgressApi({
    ...(values['dist-dir'] ? { distDir: values['dist-dir'] } : {}),
    ...(values.course ? { course: values.course } : {}),
    ...(values.seconds ? { seconds: Number(values.seconds) } : {}),
  });
  console.log(result.markdown);
}
