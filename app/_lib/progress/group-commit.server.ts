import 'server-only';
import { databaseProvider, db } from '@/app/_lib/db.server';
import type { Prisma } from '@/app/_generated/prisma/client';

export type Tx = Prisma.TransactionClient;
/** `run` does the work in a transaction and returns what answers the caller once it commits. */
type Job = { run: (tx: Tx) => Promise<() => void>; fail: (error: unknown) => void };

/**
 * Group commit: writes that arrive while a transaction is being written wait and go together in
 * the next one, so a burst costs one commit (one fsync, and with libsql one connection) instead
 * of one each. The queue only holds requests in flight, each answered after the commit that
 * holds it: nothing here is state another instance would need. SQLite has one writer: one lane;
 * PostgreSQL writes in parallel: a few lanes.
 */
const lanes = databaseProvider === 'sqlite' ? 1 : 4;
const MAX_JOBS_PER_COMMIT = 64;
/** Prisma's defaults (2 s to start, 5 s to finish) are too tight for a full batch on a busy machine. */
const transactionLimits = { maxWait: 10_000, timeout: 30_000 };
const waiting: Job[] = [];
let running = 0;

export function groupCommit<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    waiting.push({
      run: async (tx) => {
        const value = await work(tx);
        return () => resolve(value);
      },
      fail: reject,
    });
    if (running < lanes) void drain();
  });
}

async function drain(): Promise<void> {
  running += 1;
  try {
    for (let jobs = waiting.splice(0, MAX_JOBS_PER_COMMIT); jobs.length > 0; jobs = waiting.splice(0, MAX_JOBS_PER_COMMIT)) {
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
    running -= 1;
  }
}
