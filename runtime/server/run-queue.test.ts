// Admission of server runs: global concurrency, a bounded line, a per-learner cap, clear refusals.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunQueue, type Admission, type Slot, type Ticket } from './run-queue';

const options = { concurrency: 2, maxQueued: 2, perLearner: 2, maxWaitMs: 10_000 };

function admitted(admission: Admission): Ticket {
  if (!admission.ok) throw new Error(`refused: ${admission.message}`);
  return admission.ticket;
}

async function slotOf(ticket: Ticket): Promise<Slot> {
  const slot = await ticket.slot;
  if (slot === null) throw new Error('no slot');
  return slot;
}

afterEach(() => vi.useRealTimers());

describe('RunQueue', () => {
  it('runs up to its concurrency at once, each on its own slot, then queues in order', async () => {
    const queue = new RunQueue(options);
    const first = admitted(queue.admit('ada'));
    const second = admitted(queue.admit('bob'));
    const third = admitted(queue.admit('cy'));
    expect([first.position, second.position, third.position]).toEqual([0, 0, 1]);
    const slots = [await slotOf(first), await slotOf(second)];
    expect(new Set(slots.map((slot) => slot.index))).toEqual(new Set([0, 1]));
    expect(queue.running).toBe(2);
    expect(queue.queued).toBe(1);

    let thirdStarted = false;
    void third.slot.then(() => (thirdStarted = true));
    await Promise.resolve();
    expect(thirdStarted).toBe(false);
    slots[0]?.release();
    const reused = await slotOf(third);
    expect(reused.index).toBe(slots[0]?.index); // the freed slot, so the freed uid
  });

  it('refuses with a retry time when the line is full, and never hangs', () => {
    const queue = new RunQueue(options);
    for (const learner of ['a', 'b', 'c', 'd']) admitted(queue.admit(learner));
    const refused = queue.admit('e');
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.message).toMatch(/busy.*Retry in \d+ s\./);
  });

  it('limits one learner to `perLearner` runs, running or waiting, and frees them when done', async () => {
    const queue = new RunQueue(options);
    const one = admitted(queue.admit('ada'));
    admitted(queue.admit('ada'));
    const third = queue.admit('ada');
    expect(third.ok).toBe(false);
    if (!third.ok) expect(third.message).toMatch(/already have 2 server runs going/);
    expect(queue.admit('bob').ok).toBe(true); // others are not held back by ada
    (await slotOf(one)).release();
    expect(queue.admit('ada').ok).toBe(true);
  });

  it('gives up on a wait longer than maxWaitMs, and a cancelled wait frees its place', async () => {
    vi.useFakeTimers();
    const queue = new RunQueue({ ...options, maxWaitMs: 5000 });
    admitted(queue.admit('a'));
    admitted(queue.admit('b'));
    const waiting = admitted(queue.admit('c'));
    const cancelled = admitted(queue.admit('d'));
    cancelled.cancel();
    expect(await cancelled.slot).toBeNull();
    expect(cancelled.timedOut).toBe(false);
    expect(queue.queued).toBe(1);
    vi.advanceTimersByTime(5000);
    expect(await waiting.slot).toBeNull();
    expect(waiting.timedOut).toBe(true);
    expect(queue.queued).toBe(0);
    expect(queue.admit('c').ok).toBe(true); // c's place was given back
  });

  it('estimates the retry time from how long runs have been taking', async () => {
    vi.useFakeTimers();
    const queue = new RunQueue({ ...options, maxQueued: 0 });
    const before = queue.retryAfterSeconds();
    for (let round = 0; round < 10; round++) {
      const slot = await slotOf(admitted(queue.admit('a')));
      vi.advanceTimersByTime(20_000);
      slot.release();
    }
    expect(queue.retryAfterSeconds()).toBeGreaterThan(before);
    expect(queue.retryAfterSeconds()).toBeLessThanOrEqual(20);
  });
});
