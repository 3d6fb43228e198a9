/**
 * Admission for server runs: at most `concurrency` run at once (each on a numbered slot), at
 * most `maxQueued` wait, and one learner holds at most `perLearner` runs (running or waiting).
 * A refusal says when to retry, from the recent run times; a wait longer than `maxWaitMs`
 * gives up. No I/O: the caller runs the work and releases the slot.
 */
export type RunQueueOptions = { concurrency: number; maxQueued: number; perLearner: number; maxWaitMs: number };

export type Admission =
  | { ok: true; ticket: Ticket }
  | { ok: false; retryAfterSeconds: number; message: string };

export type Slot = { index: number; release(): void };

export type Ticket = {
  /** Its place in the line when admitted: 0 starts now, 1 is next, and so on. */
  position: number;
  /** The slot once it is this run's turn; null if the ticket was cancelled or waited too long. */
  slot: Promise<Slot | null>;
  /** True when the wait ended because it was too long (then `slot` gave null). */
  readonly timedOut: boolean;
  cancel(): void;
};

type Waiter = { learner: string; grant: (slot: Slot | null) => void; timer: NodeJS.Timeout };

export class RunQueue {
  private readonly free: number[];
  private readonly waiting: Waiter[] = [];
  private readonly perLearner = new Map<string, number>();
  private averageRunMs = 1000;

  constructor(readonly options: RunQueueOptions) {
    this.free = Array.from({ length: options.concurrency }, (_, index) => options.concurrency - 1 - index);
  }

  get running(): number {
    return this.options.concurrency - this.free.length;
  }

  get queued(): number {
    return this.waiting.length;
  }

  admit(learner: string): Admission {
    const held = this.perLearner.get(learner) ?? 0;
    if (held >= this.options.perLearner) {
      return this.refuse(`You already have ${held} server run${held === 1 ? '' : 's'} going; wait for ${held === 1 ? 'it' : 'them'} to finish.`);
    }
    if (this.free.length === 0 && this.waiting.length >= this.options.maxQueued) {
      return this.refuse('The server kernel is busy with other learners\u2019 runs.');
    }
    this.perLearner.set(learner, held + 1);
    const position = this.free.length > 0 ? 0 : this.waiting.length + 1;
    let timedOut = false;
    let settled = false;
    let grant: (slot: Slot | null) => void = () => undefined;
    const slot = new Promise<Slot | null>((resolve) => {
      grant = (value) => {
        if (settled) return;
        settled = true;
        if (value === null) this.leave(learner);
        resolve(value);
      };
    });
    const index = this.free.pop();
    if (index !== undefined) {
      grant(this.slot(index, learner));
    } else {
      const waiter: Waiter = {
        learner,
        grant,
        timer: setTimeout(() => {
          timedOut = true;
          this.dropWaiter(waiter);
          grant(null);
        }, this.options.maxWaitMs),
      };
      this.waiting.push(waiter);
    }
    return {
      ok: true,
      ticket: {
        position,
        slot,
        get timedOut() {
          return timedOut;
        },
        cancel: () => {
          const waiter = this.waiting.find((candidate) => candidate.grant === grant);
          if (waiter) this.dropWaiter(waiter);
          grant(null);
        },
      },
    };
  }

  /** Seconds until a refused learner could expect to get in. */
  retryAfterSeconds(): number {
    const ahead = this.waiting.length + 1;
    return Math.max(1, Math.ceil((ahead * this.averageRunMs) / this.options.concurrency / 1000));
  }

  private refuse(message: string): Admission {
    const retryAfterSeconds = this.retryAfterSeconds();
    return { ok: false, retryAfterSeconds, message: `${message} Retry in ${retryAfterSeconds} s.` };
  }

  private slot(index: number, learner: string): Slot {
    const startedAt = Date.now();
    let released = false;
    return {
      index,
      release: () => {
        if (released) return;
        released = true;
        this.averageRunMs = 0.8 * this.averageRunMs + 0.2 * (Date.now() - startedAt);
        this.leave(learner);
        const next = this.waiting.shift();
        if (next) {
          clearTimeout(next.timer);
          next.grant(this.slot(index, next.learner));
        } else {
          this.free.push(index);
        }
      },
    };
  }

  private dropWaiter(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    const at = this.waiting.indexOf(waiter);
    if (at >= 0) this.waiting.splice(at, 1);
  }

  private leave(learner: string): void {
    const held = (this.perLearner.get(learner) ?? 1) - 1;
    if (held > 0) this.perLearner.set(learner, held);
    else this.perLearner.delete(learner);
  }
}
