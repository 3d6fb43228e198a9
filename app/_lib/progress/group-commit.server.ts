import 'server-only';
import { databaseProvider, db } from '@/app/_lib/db.server';
import type { Prisma } from '@/app/_generated/prisma/client';

export type Tx = Prisma.TransactionClient;
/** `run` does the work in a transaction and returns what answers the caller once it commits. */
type Job = { run: (tx: Tx) => Promise<() => void>; fail: (error: unknown) => void };
type Lane = { waiting: Job[]; running: boolean };

/**
 * Group commit: writes that arrive while a transaction is being written wait and go together in
 * the next one, so a burst costs one commit (one fsync, and with libsql one connection) instead
 * of one each. The queue only holds requests in flight, each answered after the commit that
 * holds it: nothing here is state another instance would need.
 *
 * SQLite has one writer: one lane. PostgreSQL writes in parallel: a few lanes, each with its own
 * queue and transaction, and a learner's writes always take the same lane (by `laneKey`). Two
 * lanes then never touch the same learner's rows (learner, rate-limit window, lesson, cell), so
 * one lane's transaction never waits on another's row locks, and two batches cannot deadlock
 * (which PostgreSQL only notices after `deadlock_timeout`, a second, and then rolls a batch back).
 */
const laneCount = databaseProvider === 'sqlite' ? 1 : 4;
const MAX_JOBS_PER_COMMIT = 64;
/** Prisma's defaults (2 s to start, 5 s to finish) are too tight for a full batch on a busy machine. */
const transactionLimits = { maxWait: 10_000, timeout: 30_000 };
const lanes: Lane[] = Array.from({ length: laneCount }, () => ({ waiting: [], running: false }));

/** The lane of a key: a small string hash (FNV-1a), the same for a key on every call. */
function laneOf(key: string): Lane {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return lanes[(hash >>> 0) % lanes.length] ?? (lanes[0] as Lane);
}

/**
 * Runs `work` in the next transaction of its lane and resolves once that commits. `laneKey`
 * names whose rows the work changes (a learner, a rate-limit key): the same key, the same lane.
 */
export function groupCommit<T>(work: (tx: Tx) => Promise<T>, laneKey = ''): Promise<T> {
  const lane = laneOf(laneKey);
  return new Promise<T>((resolve, reject) => {
    lane.waiting.push({
      run: async (tx) => {
        const value = await work(tx);
        return () => resolve(value);
      },
      fail: reject,
    });
    if (!lane.running) void drain(lane);
  });
}

async function drain(lane: Lane): Promise<void> {
  lane.running = true;
  try {
    for (let jobs = lane.waiting.splice(0, MAX_JOBS_PER_COMMIT); jobs.length > 0; jobs = lane.waiting.splice(0, MAX_JOBS_PER_COMMIT)) {
      const answers: Array<() => void> = [];
      try {
        await db.$transaction(async (tx) => {
          for (const job of jobs) answers.push(await job.run(tx));
        }, transactionLimits);
        for (const answer of answers) answer();
      } catch {
        // One failing write must not fail the others: write each alone and report each outcome.
        for (const job of jobs) {
          await db.$transaction((tx) => job.run(tx), transactionLimits).then((answer) => answer(), job.fail);
        }
      }
    }
  } finally {
    lane.running = false;
  }
}
