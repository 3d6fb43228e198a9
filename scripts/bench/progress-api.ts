/**
 * The progress API under load, on SQLite and on PostgreSQL (a server of its own from
 * scripts/bootstrap/postgres.mjs), each learner with its own cookie, in two load models
 * (progress-load.ts): paced learners (open loop, a write about every second and a read about
 * every 10 s, at 1, 16, 64 and 256 learners, then a step up or down to find the largest count
 * under the target) and saturation (closed loop, 1, 16 and 64 clients with no think time). The
 * load generator runs on the same machine as the server and the database, so the figures are a floor.
 *
 * Standalone: `npx tsx scripts/bench/progress-api.ts [--dist-dir=.next] [--course=content] [--seconds=5] [--paced-seconds=15]`.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppServer } from '../../e2e/fixtures/app-server';
import { startPostgres } from '../bootstrap/postgres.mjs';
import { closedLoop, learnerPacing, pacedLearners } from './progress-load';
import { meetsTarget, progressMarkdown, type Database, type PacedRow, type SaturationRow } from './progress-report';

export type ProgressApiBench = { seconds: number; paced: PacedRow[]; saturation: SaturationRow[]; markdown: string };
export type ProgressApiOptions = {
  distDir?: string;
  /** The course the build serves (relative to the project root); its first lesson is used. */
  course?: string;
  /** Seconds of each closed-loop run (writes, then reads). */
  seconds?: number;
  /** Seconds of each paced run. */
  pacedSeconds?: number;
  concurrency?: number[];
  pacedLearnerCounts?: number[];
  /** Try one more paced count past the list (twice the largest, or half-way down) to find the largest under the target. */
  searchLargest?: boolean;
  log?: (message: string) => void;
};

const projectRoot = path.resolve(import.meta.dirname, '..', '..');
/** The learner count the target names. */
const TARGET_LEARNERS = 64;

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

type Measure = Required<Pick<ProgressApiOptions, 'seconds' | 'pacedSeconds' | 'concurrency' | 'pacedLearnerCounts' | 'searchLargest' | 'log'>>;

async function measureServer(server: AppServer, database: Database, lessonId: string, measure: Measure) {
  const progressUrl = `${server.url}/api/progress`;
  const newLearner = async () => {
    const response = await fetch(`${progressUrl}?lessonId=${lessonId}`);
    await response.arrayBuffer();
    return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };
  const newLearners = async (count: number) => {
    const cookies: string[] = [];
    while (cookies.length < count) cookies.push(...(await Promise.all(Array.from({ length: Math.min(16, count - cookies.length) }, newLearner))));
    return cookies;
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

  // Warm the routes and the database: the first requests load code, not what we measure.
  const warm = await newLearners(4);
  await closedLoop(warm, 1, write);
  await closedLoop(warm, 1, read);

  const paced: PacedRow[] = [];
  const runPaced = async (learners: number) => {
    const row = { database, learners, ...(await pacedLearners(await newLearners(learners), measure.pacedSeconds, write, read)) };
    measure.log(`${database}: ${learners} paced learners: write p99 ${row.writes.p99Ms.toFixed(1)} ms, read p99 ${row.reads.p99Ms.toFixed(1)} ms, ${row.writes.errors + row.reads.errors} errors`);
    paced.push(row);
    return row;
  };
  for (const learners of measure.pacedLearnerCounts) await runPaced(learners);
  if (measure.searchLargest && paced.length > 0) {
    const passing = paced.filter(meetsTarget).map((row) => row.learners);
    const failing = paced.filter((row) => !meetsTarget(row)).map((row) => row.learners);
    const largest = passing.length > 0 ? Math.max(...passing) : 0;
    const above = failing.filter((n) => n > largest).sort((a, b) => a - b)[0];
    const next = above === undefined ? largest * 2 : Math.round((largest + above) / 2);
    if (next > largest && next !== above && largest > 0) await runPaced(next);
    paced.sort((a, b) => a.learners - b.learners);
  }

  const saturation: SaturationRow[] = [];
  for (const count of measure.concurrency) {
    const learners = await newLearners(count);
    const writes = await closedLoop(learners, measure.seconds, write);
    const reads = await closedLoop(learners, measure.seconds, read);
    saturation.push({ database, learners: count, writes, reads });
  }
  return { paced, saturation };
}

/** Runs the whole measurement: SQLite first, then PostgreSQL. */
export async function measureProgressApi(options: ProgressApiOptions = {}): Promise<ProgressApiBench> {
  const { distDir = '.next', course = 'content' } = options;
  const measure: Measure = {
    seconds: options.seconds ?? 5,
    pacedSeconds: options.pacedSeconds ?? 15,
    concurrency: options.concurrency ?? [1, 16, 64],
    pacedLearnerCounts: options.pacedLearnerCounts ?? [1, 16, 64, 256],
    searchLargest: options.searchLargest ?? true,
    log: options.log ?? console.log,
  };
  const lessonId = firstLessonId(course);
  // The per-learner rate limit would turn a closed loop into 429s: the saturation runs measure capacity.
  const env = { AWAITABLE_PROGRESS_RATE_LIMIT: '1000000000' };
  const build = { distDir, ...(course === 'content' ? {} : { course }), env };
  const paced: PacedRow[] = [];
  const saturation: SaturationRow[] = [];
  const collect = (rows: { paced: PacedRow[]; saturation: SaturationRow[] }) => {
    paced.push(...rows.paced);
    saturation.push(...rows.saturation);
  };

  const sqlite = await AppServer.create('bench-progress', build);
  try {
    measure.log(`progress API on SQLite (${sqlite.url})`);
    collect(await measureServer(sqlite, 'SQLite', lessonId, measure));
  } finally {
    await sqlite.stop();
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${sqlite.databaseFile}${suffix}`, { force: true });
  }

  const postgres = await startPostgres({ log: measure.log });
  try {
    const databaseUrl = await postgres.createDatabase('bench_progress');
    const server = await AppServer.create('bench-progress-pg', { ...build, databaseUrl, migrate: true });
    try {
      measure.log(`progress API on PostgreSQL (${server.url})`);
      collect(await measureServer(server, 'PostgreSQL', lessonId, measure));
    } finally {
      await server.stop();
    }
  } finally {
    postgres.stop();
  }
  const markdown = progressMarkdown({
    paced,
    saturation,
    pacing: learnerPacing,
    pacedSeconds: measure.pacedSeconds,
    saturationSeconds: measure.seconds,
    targetLearners: TARGET_LEARNERS,
  });
  return { seconds: measure.seconds, paced, saturation, markdown };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      'dist-dir': { type: 'string' },
      course: { type: 'string' },
      seconds: { type: 'string' },
      'paced-seconds': { type: 'string' },
    },
  });
  const result = await measureProgressApi({
    ...(values['dist-dir'] ? { distDir: values['dist-dir'] } : {}),
    ...(values.course ? { course: values.course } : {}),
    ...(values.seconds ? { seconds: Number(values.seconds) } : {}),
    ...(values['paced-seconds'] ? { pacedSeconds: Number(values['paced-seconds']) } : {}),
  });
  console.log(result.markdown);
}
