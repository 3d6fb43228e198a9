/**
 * The two load models of the progress API bench.
 *
 * - `closedLoop` (saturation): each client sends its next request as soon as the last one is
 *   answered, with no think time. It measures capacity: the latency it reports is mostly time
 *   spent queueing behind the other clients, so it grows with the client count whatever the
 *   server does.
 * - `pacedLearners` (the target): an open loop. Each learner sends a progress write about once a
 *   second (jittered: a learner running cells fast) and a read about every 10 s, on a schedule
 *   fixed in advance that does not wait for answers. Latency runs from the *scheduled* send time
 *   to the end of the answer, so a stall that delays later sends is counted in full (no
 *   coordinated omission).
 */
import { percentile } from './server-kernel';

export type LoadFigures = {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  errorExamples: string[];
};

type Send = (cookie: string) => Promise<Response>;

/** "fetch failed" says little: add its cause (a connection refused or reset, a timeout). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `${'code' in error.cause ? String(error.cause.code) : error.cause.name}: ${error.cause.message}` : null;
  return cause ? `${error.message} (${cause})` : error.message;
}

/** Collects latencies and failures of one kind of request. */
class Recorder {
  readonly latencies: number[] = [];
  readonly errorExamples: string[] = [];
  errors = 0;

  async time(send: () => Promise<Response>, from: number): Promise<void> {
    const response = await send().catch((error: unknown) => error);
    const ok = response instanceof Response && response.ok;
    if (response instanceof Response) await response.arrayBuffer().catch(() => undefined);
    this.latencies.push(performance.now() - from);
    if (ok) return;
    this.errors += 1;
    if (this.errorExamples.length < 3) this.errorExamples.push(response instanceof Response ? `HTTP ${response.status}` : describe(response));
  }

  figures(seconds: number): LoadFigures {
    return {
      requests: this.latencies.length,
      perSecond: this.latencies.length / seconds,
      p50Ms: percentile(this.latencies, 0.5),
      p99Ms: percentile(this.latencies, 0.99),
      maxMs: this.latencies.length > 0 ? Math.max(...this.latencies) : Number.NaN,
      errors: this.errors,
      errorExamples: this.errorExamples,
    };
  }
}

/** Each learner repeats `request` back to back until the time is up. */
export async function closedLoop(learners: string[], seconds: number, request: Send): Promise<LoadFigures> {
  const recorder = new Recorder();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    learners.map(async (cookie) => {
      while (performance.now() < deadline) await recorder.time(() => request(cookie), performance.now());
    }),
  );
  return recorder.figures((performance.now() - started) / 1000);
}

/** A small seeded generator (mulberry32), so every run follows the same schedule. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Pacing = {
  /** Mean time between a learner's writes, and between its reads. */
  writeEveryMs: number;
  readEveryMs: number;
  /** Each gap is drawn uniformly from mean x (1 - jitter) to mean x (1 + jitter). */
  jitter: number;
};

export const learnerPacing: Pacing = { writeEveryMs: 1000, readEveryMs: 10_000, jitter: 0.5 };

/** Send times (ms from the start) of one learner's requests: a random phase, then jittered gaps. */
function scheduleOf(everyMs: number, jitter: number, seconds: number, random: () => number): number[] {
  const times: number[] = [];
  for (let at = random() * everyMs; at < seconds * 1000; at += everyMs * (1 - jitter + 2 * jitter * random())) times.push(at);
  return times;
}

export type PacedFigures = {
  writes: LoadFigures;
  reads: LoadFigures;
  /** How late this process sent its latest request (its own pauses: GC, a busy core); counted in the latencies. */
  sendLateMaxMs: number;
};

/** Paced learners, writes and reads interleaved as they would be, for `seconds`. */
export async function pacedLearners(
  learners: string[],
  seconds: number,
  write: Send,
  read: Send,
  pacing: Pacing = learnerPacing,
): Promise<PacedFigures> {
  const random = seededRandom(learners.length);
  const writes = new Recorder();
  const reads = new Recorder();
  const sends: Array<{ at: number; run: (from: number) => Promise<void> }> = [];
  for (const cookie of learners) {
    for (const at of scheduleOf(pacing.writeEveryMs, pacing.jitter, seconds, random)) {
      sends.push({ at, run: (from) => writes.time(() => write(cookie), from) });
    }
    for (const at of scheduleOf(pacing.readEveryMs, pacing.jitter, seconds, random)) {
      sends.push({ at, run: (from) => reads.time(() => read(cookie), from) });
    }
  }
  sends.sort((a, b) => a.at - b.at);
  const started = performance.now();
  const inFlight: Array<Promise<void>> = [];
  let sendLateMaxMs = 0;
  // One timer at a time: wake at the next send time and send everything that is due, each
  // timed from its own scheduled time (a late wake-up of this process counts against us).
  for (let next = 0; next < sends.length; ) {
    const wait = started + (sends[next]?.at ?? 0) - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const now = performance.now() - started;
    for (let send = sends[next]; send !== undefined && send.at <= now; send = sends[++next]) {
      sendLateMaxMs = Math.max(sendLateMaxMs, now - send.at);
      inFlight.push(send.run(started + send.at));
    }
  }
  await Promise.all(inFlight);
  return { writes: writes.figures(seconds), reads: reads.figures(seconds), sendLateMaxMs };
}
