/**
 * The timeline's lanes, computed from a trace (docs/TRACE.md): one lane per task, holding its
 * running slices, the intervals it spent suspended (from a slice that waited to the `ready`
 * that ended the wait) and queued (ready, waiting for its turn); and one lane for the loop,
 * holding the callbacks it ran, its waits in the selector (idle) and blocking calls made
 * outside any task. Pure: no React, no DOM.
 */
import type { CreateEvent, SliceEvent, Trace, Wait } from '@/runtime/trace/trace-schema';

export type RunItem = {
  kind: 'run';
  task: number;
  start: number;
  end: number;
  blocking: boolean;
  outcome: SliceEvent['outcome'];
  wait?: Wait;
  exception?: string;
  eager: boolean;
  /** Blocking calls (`time.sleep`) made inside this slice. */
  calls: string[];
};
export type SuspendedItem = {
  kind: 'suspended';
  task: number;
  start: number;
  end: number;
  wait: Wait;
  /** The wait had not ended when tracing stopped. */
  open: boolean;
};
/** Ready (created, or its wait ended) until the loop got round to running it. */
export type QueuedItem = { kind: 'queued'; task: number; start: number; end: number };
export type CallbackItem = { kind: 'callback'; name: string; start: number; end: number; blocking: boolean };
/** The loop waited in its selector: nothing was ready. `timeout`: until the next timer (ns), null for none. */
export type IdleItem = { kind: 'idle'; start: number; end: number; timeout: number | null };
export type BlockItem = { kind: 'block'; call: string; start: number; end: number; blocking: boolean };

export type TaskLaneItem = RunItem | SuspendedItem | QueuedItem;
export type LoopLaneItem = CallbackItem | IdleItem | BlockItem;
export type LaneItem = TaskLaneItem | LoopLaneItem;

export type TaskLane = { kind: 'task'; task: number; name: string; coro: string; label: string; items: TaskLaneItem[] };
export type LoopLane = { kind: 'loop'; items: LoopLaneItem[] };

export type TimelineLayout = {
  duration: number;
  loop: LoopLane;
  tasks: TaskLane[];
  /** Time the loop spent in blocking slices, callbacks and calls, in ns. */
  blockedFor: number;
};

/** `_evaluate_cell.<locals>.cell` reads as `cell`; `Queue.get` stays. */
export function shortCoroName(coro: string): string {
  const parts = coro.split('.<locals>.');
  return parts[parts.length - 1] ?? coro;
}

/** "Task-2 fetch()": the task's name and its coroutine's; "Task-1 <cell-3>" for the cell itself. */
export function laneLabel(create: Pick<CreateEvent, 'name' | 'coro'>): string {
  const coro = shortCoroName(create.coro);
  return coro.startsWith('<') ? `${create.name} ${coro}` : `${create.name} ${coro}()`;
}

/**
 * The tasks the kernel's loop runs after a cell to close itself (asyncio.run's shutdown steps):
 * real, but nothing the learner wrote, so the timeline leaves them out.
 */
export function isShutdownTask(create: Pick<CreateEvent, 'coro' | 'parent'>): boolean {
  return create.parent === null && /\.shutdown_(asyncgens|default_executor)$/.test(create.coro);
}

function byStart<T extends { start: number }>(a: T, b: T): number {
  return a.start - b.start;
}

type BlockCall = { call: string; start: number; end: number };
/** One task's events, gathered in one pass over the trace. */
type TaskEvents = { slices: SliceEvent[]; readies: number[]; blocks: BlockCall[] };

function eventsByTask(trace: Trace): Map<number, TaskEvents> {
  const byTask = new Map<number, TaskEvents>();
  const of = (task: number) => {
    let found = byTask.get(task);
    if (!found) byTask.set(task, (found = { slices: [], readies: [], blocks: [] }));
    return found;
  };
  for (const event of trace.events) {
    if (event.type === 'slice') {
      of(event.task).slices.push(event);
      // A slice that yielded is ready again at once.
      if (event.outcome === 'yield') of(event.task).readies.push(event.end);
    } else if (event.type === 'create' || event.type === 'ready') of(event.task).readies.push(event.t);
    else if (event.type === 'block' && event.task !== null) of(event.task).blocks.push(event);
  }
  for (const events of byTask.values()) {
    events.slices.sort(byStart);
    events.readies.sort((a, b) => a - b);
  }
  return byTask;
}

/** One task's items: queued, running and suspended intervals in time order. */
function taskItems(task: number, { slices, readies, blocks }: TaskEvents, duration: number): TaskLaneItem[] {
  const items: TaskLaneItem[] = [];
  let nextReady = 0;
  let previousEnd = -1;
  for (const [index, slice] of slices.entries()) {
    // Queued: from the first ready after the previous slice until this one started.
    while (nextReady < readies.length && (readies[nextReady] ?? 0) < previousEnd) nextReady += 1;
    const ready = readies[nextReady];
    if (ready !== undefined && ready < slice.start && !slice.eager) items.push({ kind: 'queued', task, start: ready, end: slice.start });
    const calls = blocks.filter((block) => block.start >= slice.start && block.end <= slice.end).map((block) => block.call);
    items.push({
      kind: 'run',
      task,
      start: slice.start,
      end: slice.end,
      blocking: slice.blocking,
      outcome: slice.outcome,
      wait: slice.wait,
      exception: slice.exception,
      eager: slice.eager === true,
      calls,
    });
    if (slice.outcome === 'wait' && slice.wait) {
      const next = slices[index + 1];
      const woke = readies.find((t) => t >= slice.end && (next === undefined || t <= next.start));
      const end = woke ?? next?.start ?? duration;
      items.push({ kind: 'suspended', task, start: slice.end, end, wait: slice.wait, open: woke === undefined && next === undefined });
    }
    previousEnd = slice.end;
  }
  return items;
}

export function layoutTimeline(trace: Trace): TimelineLayout {
  const creates = trace.events.filter((event): event is CreateEvent => event.type === 'create');
  const byTask = eventsByTask(trace);
  const loopItems: LoopLaneItem[] = [];
  let blockedFor = 0;
  for (const event of trace.events) {
    if (event.type === 'callback') loopItems.push({ kind: 'callback', name: event.name, start: event.start, end: event.end, blocking: event.blocking });
    else if (event.type === 'select') loopItems.push({ kind: 'idle', start: event.start, end: event.end, timeout: event.timeout });
    else if (event.type === 'block' && event.task === null) {
      loopItems.push({ kind: 'block', call: event.call, start: event.start, end: event.end, blocking: event.blocking });
    }
    if ((event.type === 'slice' || event.type === 'callback') && event.blocking) blockedFor += event.end - event.start;
    if (event.type === 'block' && event.task === null && event.blocking) blockedFor += event.end - event.start;
  }
  loopItems.sort(byStart);
  const seen = new Set<number>();
  const tasks: TaskLane[] = [];
  for (const create of creates) {
    if (seen.has(create.task) || isShutdownTask(create)) continue;
    seen.add(create.task);
    tasks.push({
      kind: 'task',
      task: create.task,
      name: create.name,
      coro: create.coro,
      label: laneLabel(create),
      items: taskItems(create.task, byTask.get(create.task) ?? { slices: [], readies: [], blocks: [] }, trace.duration),
    });
  }
  return { duration: trace.duration, loop: { kind: 'loop', items: loopItems }, tasks, blockedFor };
}

/** The suspended intervals of every task, for questions like "did these waits overlap?". */
export function suspendedItems(layout: TimelineLayout): SuspendedItem[] {
  return layout.tasks.flatMap((lane) => lane.items.filter((item): item is SuspendedItem => item.kind === 'suspended'));
}

/** The time every interval covers at once (0 when they do not all overlap). */
export function commonOverlap(intervals: { start: number; end: number }[]): number {
  if (intervals.length === 0) return 0;
  const start = Math.max(...intervals.map((interval) => interval.start));
  const end = Math.min(...intervals.map((interval) => interval.end));
  return Math.max(0, end - start);
}
