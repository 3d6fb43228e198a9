// The timeline's lanes: a learner must see each task's running slices, its waits (with what it
// waited for) and blocking slices, and the loop's idle time, where they really happened.
import { describe, expect, it } from 'vitest';
import type { Trace } from '@/runtime/trace/trace-schema';
import { commonOverlap, laneLabel, layoutTimeline, suspendedItems } from './timeline-layout';

const ms = 1_000_000;
const sleep = { kind: 'sleep', label: 'sleep', seconds: 1 } as const;

/** A cell gathering three one-second sleeps, shaped as the kernel records it. */
const gather: Trace = {
  format: 'awaitable-trace',
  version: 2,
  python: '3.14.2',
  duration: 1012 * ms,
  slowThreshold: 100 * ms,
  maxEvents: 200_000,
  dropped: 0,
  steps: false,
  maxSteps: 0,
  events: [
    { type: 'create', task: 1, t: 1 * ms, name: 'Task-1', coro: '_evaluate_cell.<locals>.cell', parent: null },
    { type: 'create', task: 2, t: 2 * ms, name: 'Task-2', coro: 'fetch', parent: 1 },
    { type: 'create', task: 3, t: 2.1 * ms, name: 'Task-3', coro: 'fetch', parent: 1 },
    { type: 'create', task: 4, t: 2.2 * ms, name: 'Task-4', coro: 'fetch', parent: 1 },
    { type: 'slice', task: 1, start: 1.5 * ms, end: 2.5 * ms, blocking: false, outcome: 'wait', wait: { kind: 'gather', label: 'gather' } },
    { type: 'slice', task: 2, start: 3 * ms, end: 3.1 * ms, blocking: false, outcome: 'wait', wait: sleep },
    { type: 'slice', task: 3, start: 3.2 * ms, end: 3.3 * ms, blocking: false, outcome: 'wait', wait: sleep },
    { type: 'slice', task: 4, start: 3.4 * ms, end: 3.5 * ms, blocking: false, outcome: 'wait', wait: sleep },
    { type: 'select', start: 3.6 * ms, end: 1003 * ms, timeout: 999 * ms },
    { type: 'ready', task: 2, t: 1003.1 * ms },
    { type: 'callback', name: '_set_result_unless_cancelled', start: 1003 * ms, end: 1003.2 * ms, blocking: false },
    { type: 'ready', task: 3, t: 1003.3 * ms },
    { type: 'ready', task: 4, t: 1003.4 * ms },
    { type: 'slice', task: 2, start: 1004 * ms, end: 1004.1 * ms, blocking: false, outcome: 'result' },
    { type: 'slice', task: 3, start: 1004.2 * ms, end: 1004.3 * ms, blocking: false, outcome: 'result' },
    { type: 'slice', task: 4, start: 1004.4 * ms, end: 1004.5 * ms, blocking: false, outcome: 'result' },
    { type: 'ready', task: 1, t: 1005 * ms },
    { type: 'block', call: 'time.sleep', task: 1, start: 1006 * ms, end: 1009 * ms, blocking: false },
    { type: 'slice', task: 1, start: 1005.5 * ms, end: 1010 * ms, blocking: false, outcome: 'result' },
  ],
};

describe('layoutTimeline', () => {
  const layout = layoutTimeline(gather);

  it('gives each task a lane labelled with its name and coroutine, in creation order', () => {
    expect(layout.tasks.map((lane) => lane.label)).toEqual(['Task-1 cell()', 'Task-2 fetch()', 'Task-3 fetch()', 'Task-4 fetch()']);
    expect(laneLabel({ name: 'worker-a', coro: 'Queue.get' })).toBe('worker-a Queue.get()');
    expect(laneLabel({ name: 'Task-1', coro: '<cell-3>' })).toBe('Task-1 <cell-3>');
  });

  it("leaves out the loop's own shutdown tasks, which the learner did not write", () => {
    const withShutdown = {
      ...gather,
      events: [...gather.events, { type: 'create' as const, task: 5, t: 1011 * ms, name: 'Task-5', coro: 'BaseEventLoop.shutdown_asyncgens', parent: null }],
    };
    expect(layoutTimeline(withShutdown).tasks.map((lane) => lane.task)).toEqual([1, 2, 3, 4]);
  });

  it('draws a wait from the slice that suspended to the ready that ended it, with what it waited for', () => {
    const lane = layout.tasks[1];
    expect(lane?.items.map((item) => item.kind)).toEqual(['queued', 'run', 'suspended', 'queued', 'run']);
    const wait = lane?.items.find((item) => item.kind === 'suspended');
    expect(wait).toMatchObject({ start: 3.1 * ms, end: 1003.1 * ms, wait: sleep, open: false });
  });

  it('shows the three sleeps overlapping for almost the whole second', () => {
    const sleeps = suspendedItems(layout).filter((item) => item.wait.kind === 'sleep');
    expect(sleeps).toHaveLength(3);
    expect(commonOverlap(sleeps)).toBeGreaterThan(990 * ms);
  });

  it('puts callbacks and selector waits in the loop lane, and blocking calls on the slice they ran in', () => {
    expect(layout.loop.items.map((item) => item.kind)).toEqual(['idle', 'callback']);
    const last = layout.tasks[0]?.items.at(-1);
    expect(last).toMatchObject({ kind: 'run', calls: ['time.sleep'], outcome: 'result' });
  });

  it('leaves a wait open when tracing stopped before it ended', () => {
    const cut = { ...gather, events: gather.events.slice(0, 8) };
    const wait = layoutTimeline(cut).tasks[3]?.items.find((item) => item.kind === 'suspended');
    expect(wait).toMatchObject({ end: gather.duration, open: true });
  });

  it('adds up the time blocking slices held the loop', () => {
    const blocked = { ...gather, events: [...gather.events, { type: 'slice' as const, task: 2, start: 0, end: 300 * ms, blocking: true, outcome: 'result' as const }] };
    expect(layoutTimeline(blocked).blockedFor).toBe(300 * ms);
    expect(layout.blockedFor).toBe(0);
  });
});

describe('commonOverlap', () => {
  it('is zero when the intervals do not all overlap', () => {
    expect(commonOverlap([{ start: 0, end: 5 }, { start: 6, end: 9 }])).toBe(0);
    expect(commonOverlap([{ start: 0, end: 5 }, { start: 2, end: 9 }])).toBe(3);
  });
});
