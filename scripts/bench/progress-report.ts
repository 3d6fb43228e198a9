/** The markdown of the progress API section of docs/BENCHMARKS.md (both load models). */
import type { LoadFigures, PacedFigures, Pacing } from './progress-load';

export const TARGET_P99_MS = 50;
export type Database = 'SQLite' | 'PostgreSQL';
export type SaturationRow = { database: Database; learners: number; writes: LoadFigures; reads: LoadFigures };
export type PacedRow = { database: Database; learners: number } & PacedFigures;

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const ms = (value: number) => `${fmt(value)} ms`;

/** Whether a paced run meets the target: p99 of writes and of reads under 50 ms, no errors. */
export function meetsTarget({ writes, reads }: PacedFigures): boolean {
  return Math.max(writes.p99Ms, reads.p99Ms) < TARGET_P99_MS && writes.errors + reads.errors === 0;
}

function errorNote(figures: LoadFigures[]): string {
  const examples = figures.flatMap((f) => f.errorExamples);
  return examples.length > 0 ? ` Examples: ${examples.slice(0, 3).join('; ')}.` : '';
}

function pacedTable(rows: PacedRow[]): string[] {
  return [
    '| Database | Learners | Writes/s | Write p50 | Write p99 | Write max | Reads | Read p50 | Read p99 | Read max | Errors | Sent late (max) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      ({ database, learners, writes, reads, sendLateMaxMs }) =>
        `| ${database} | ${learners} | ${fmt(writes.perSecond, 0)} | ${ms(writes.p50Ms)} | ${ms(writes.p99Ms)} | ${ms(writes.maxMs)} | ${reads.requests} | ${ms(reads.p50Ms)} | ${ms(reads.p99Ms)} | ${ms(reads.maxMs)} | ${writes.errors + reads.errors} | ${ms(sendLateMaxMs)} |`,
    ),
  ];
}

function saturationTable(rows: SaturationRow[]): string[] {
  return [
    '| Database | Clients | Writes/s | Write p50 | Write p99 | Reads/s | Read p50 | Read p99 | Errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      ({ database, learners, writes, reads }) =>
        `| ${database} | ${learners} | ${fmt(writes.perSecond, 0)} | ${ms(writes.p50Ms)} | ${ms(writes.p99Ms)} | ${fmt(reads.perSecond, 0)} | ${ms(reads.p50Ms)} | ${ms(reads.p99Ms)} | ${writes.errors + reads.errors} |`,
    ),
  ];
}

function verdicts(paced: PacedRow[], targetLearners: number): string[] {
  const lines: string[] = [];
  for (const database of [...new Set(paced.map((row) => row.database))]) {
    const rows = paced.filter((row) => row.database === database);
    const target = rows.find((row) => row.learners === targetLearners);
    if (target) {
      const worst = Math.max(target.writes.p99Ms, target.reads.p99Ms);
      const errors = target.writes.errors + target.reads.errors;
      lines.push(
        `- ${database}, ${targetLearners} paced learners: worst p99 ${ms(worst)}, ${errors} errors: target ${meetsTarget(target) ? 'met' : 'NOT met'}.${errorNote([target.writes, target.reads])}`,
      );
    }
    const passing = rows.filter(meetsTarget).map((row) => row.learners);
    const failing = rows.filter((row) => !meetsTarget(row)).map((row) => row.learners);
    const largest = passing.length > 0 ? Math.max(...passing) : null;
    const firstFail = failing.filter((n) => largest === null || n > largest).sort((a, b) => a - b)[0];
    for (const row of rows.filter((r) => r !== target && r.writes.errors + r.reads.errors > 0)) {
      lines.push(`- ${database}, ${row.learners} paced learners: ${row.writes.errors + row.reads.errors} errors.${errorNote([row.writes, row.reads])}`);
    }
    lines.push(
      `- ${database}: largest paced learner count measured with p99 under ${TARGET_P99_MS} ms and no errors: ${largest ?? 'none'}` +
        (firstFail !== undefined ? ` (${firstFail} did not).` : ' (the largest count tried).'),
    );
  }
  return lines;
}

export function progressMarkdown(options: {
  paced: PacedRow[];
  saturation: SaturationRow[];
  pacing: Pacing;
  pacedSeconds: number;
  saturationSeconds: number;
  targetLearners: number;
}): string {
  const { paced, saturation, pacing, pacedSeconds, saturationSeconds, targetLearners } = options;
  const jitter = Math.round(pacing.jitter * 100);
  return [
    '## Progress API',
    '',
    'Two load models, on SQLite and on PostgreSQL (a server of its own), each learner with its own cookie. The load generator shares the 2 cores with the server and the database. A write is POST /api/progress with one cell run (rate-limit counter, learner, event, lesson and cell rows, in one transaction, grouped with concurrent writes into one commit); a read is GET /api/progress for one lesson.',
    '',
    `### Paced learners (the target: p99 under ${TARGET_P99_MS} ms at ${targetLearners} learners, zero errors)`,
    '',
    `Open loop, the way learners load the server: each learner sends a progress write about every ${pacing.writeEveryMs / 1000} s (gaps drawn from ±${jitter}% of that: a learner running cells fast) and reads its lesson's progress about every ${pacing.readEveryMs / 1000} s, for ${pacedSeconds} s, on a schedule fixed in advance (seeded, the same every run) that does not wait for answers. Latency runs from the *scheduled* send time to the end of the answer, so a pause that delays later requests counts in full (no coordinated omission). Writes/s is the offered rate; Reads is the count of reads measured; Sent late is how far behind its schedule the load generator itself fell (its own pauses, on the same 2 cores), which the latencies include.`,
    '',
    ...pacedTable(paced),
    '',
    ...verdicts(paced, targetLearners),
    '',
    '### Saturation (capacity)',
    '',
    `Closed loop with no think time: each client sends its next request as soon as the last one is answered, for ${saturationSeconds} s of writes and then ${saturationSeconds} s of reads (per-learner rate limit lifted). This is not 64 learners: it is 64 requests always in flight, the most the server can do. Requests/s is its capacity; the latency is mostly queueing behind the other clients (latency ≈ clients / throughput), so it is not judged against the ${TARGET_P99_MS} ms target.`,
    '',
    ...saturationTable(saturation),
  ].join('\n');
}
