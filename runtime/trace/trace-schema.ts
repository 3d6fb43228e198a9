/**
 * The trace of an event loop run, as `npm run py -- --trace FILE` writes it and
 * `awaitable_kernel.tracing` produces it (docs/TRACE.md). Versioned: a reader refuses a
 * trace of another format or version rather than misreading it.
 *
 * Times are integer nanoseconds since tracing started, from the kernel's
 * `time.perf_counter()`, kept as float seconds while recording (perf_counter_ns() costs more in
 * WebAssembly) and turned into ns when the trace is written; tasks are numbered from 1 in the order the trace first saw them.
 */
// zod/mini: the page will bundle this file too (the timeline UI).
import * as z from 'zod/mini';

export const TRACE_FORMAT = 'awaitable-trace';
export const TRACE_VERSION = 2;

const nanoseconds = z.int().check(z.gte(0));
const taskNumber = z.int().check(z.gte(1));
const name = z.string().check(z.maxLength(4096));

/** A task came into being (or was first seen: `parent` null for tasks made outside a task). */
export const CreateEvent = z.object({
  type: z.literal('create'),
  task: taskNumber,
  t: nanoseconds,
  name,
  coro: name,
  parent: z.nullable(taskNumber),
});

/** What a suspended task waits for. */
export const WaitKind = z.enum([
  'sleep',
  'lock',
  'semaphore',
  'event',
  'condition',
  'queue',
  'wait',
  'gather',
  'taskgroup',
  'task',
  'future',
]);
export const Wait = z.object({
  kind: WaitKind,
  /** The coroutine it waits in (`Lock.acquire`, `Queue.get`), or the awaited task's name. */
  label: name,
  /** kind 'task': the awaited task. */
  task: z.optional(taskNumber),
  /** kind 'sleep': the delay given to asyncio.sleep. */
  seconds: z.optional(z.number()),
});

/**
 * One step of a task: the loop ran its coroutine from `start` until it suspended
 * (`wait`: on something; `yield`: gave the loop a turn, as `sleep(0)` does) or finished.
 */
export const SliceEvent = z.object({
  type: z.literal('slice'),
  task: taskNumber,
  start: nanoseconds,
  end: nanoseconds,
  /** It ran at least `slowThreshold`: the loop could do nothing else meanwhile. */
  blocking: z.boolean(),
  outcome: z.enum(['wait', 'yield', 'result', 'exception', 'cancelled']),
  wait: z.optional(Wait),
  /** outcome 'exception': the exception's class. */
  exception: z.optional(name),
  /** The task's first step, run inside create_task by an eager task factory (not by the loop). */
  eager: z.optional(z.literal(true)),
});

/** A task was scheduled to run (its wait ended, or it was created). */
export const ReadyEvent = z.object({ type: z.literal('ready'), task: taskNumber, t: nanoseconds });
/** A task was asked to cancel (first seen when it is scheduled or runs next). */
export const CancelEvent = z.object({ type: z.literal('cancel'), task: taskNumber, t: nanoseconds });
/** A callback that is not a task's step (a timer firing, a done callback). */
export const CallbackEvent = z.object({
  type: z.literal('callback'),
  name,
  start: nanoseconds,
  end: nanoseconds,
  blocking: z.boolean(),
});
/** A timer was set (call_later/call_at) at `t`, to fire at `due`. */
export const TimerEvent = z.object({ type: z.literal('timer'), t: nanoseconds, due: z.int(), name });
/** The loop waited in its selector: nothing to run until a timer (timeout, null: none) or a signal. */
export const SelectEvent = z.object({
  type: z.literal('select'),
  start: nanoseconds,
  end: nanoseconds,
  timeout: z.nullable(nanoseconds),
});
/** A blocking call (`time.sleep`) held the whole thread; `task` is the task it ran in, if any. */
export const BlockEvent = z.object({
  type: z.literal('block'),
  call: name,
  task: z.nullable(taskNumber),
  start: nanoseconds,
  end: nanoseconds,
  blocking: z.boolean(),
});

/** A live task in a loop step, from asyncio.capture_call_graph. */
export const TaskNode = z.object({
  task: taskNumber,
  name,
  /** running: the task whose step is on the stack; ready: scheduled; waiting: suspended; done: finished. */
  state: z.enum(['running', 'ready', 'waiting', 'done']),
  /** The tasks awaiting this one (capture_call_graph's awaited_by), by task number. */
  awaitedBy: z.array(taskNumber),
  /** The task's coroutine stack, outermost first: function qualname, file and line. */
  stack: z.array(z.object({ name, file: name, line: z.nullable(z.int()) })),
});

/**
 * The loop at the start of one iteration (`_run_once`): its ready queue, its timer heap and
 * its live tasks. Recorded only when tracing was started with steps on, for the first
 * `maxSteps` iterations.
 */
export const StepEvent = z.object({
  type: z.literal('step'),
  /** Loop iteration number, from 1. */
  n: z.int().check(z.gte(1)),
  t: nanoseconds,
  /** The ready queue at the start of the iteration, in run order (at most 100; `readyMore` counts the rest). */
  ready: z.array(z.object({ name, task: z.optional(taskNumber), cancelled: z.optional(z.literal(true)) })),
  readyMore: z.int().check(z.gte(0)),
  /** The timer heap, soonest first (at most 100; `timersMore` counts the rest). `due` ns since trace start. */
  timers: z.array(z.object({ due: z.int(), name, task: z.optional(taskNumber) })),
  timersMore: z.int().check(z.gte(0)),
  /** Live tasks and who awaits them, from asyncio.capture_call_graph (at most 50; `tasksMore` counts the rest). */
  tasks: z.array(TaskNode),
  tasksMore: z.int().check(z.gte(0)),
});

export const TraceEvent = z.discriminatedUnion('type', [
  CreateEvent,
  SliceEvent,
  ReadyEvent,
  CancelEvent,
  CallbackEvent,
  TimerEvent,
  SelectEvent,
  BlockEvent,
  StepEvent,
]);

export const Trace = z.object({
  format: z.literal(TRACE_FORMAT),
  version: z.literal(TRACE_VERSION),
  /** The kernel's Python version (`3.14.2`). */
  python: name,
  /** From the start of tracing to its end. */
  duration: nanoseconds,
  /** A slice, callback or block at least this long is `blocking` (asyncio's slow_callback_duration). */
  slowThreshold: nanoseconds,
  /** The cap: events past it are counted in `dropped`, not kept. */
  maxEvents: z.int().check(z.gte(1)),
  dropped: z.int().check(z.gte(0)),
  /** Were loop steps (`step` events) recorded. */
  steps: z.boolean(),
  /** The cap on step events (the first `maxSteps` loop iterations). */
  maxSteps: z.int().check(z.gte(0)),
  /** Present when events were dropped or loop steps were capped, worded for people. */
  note: z.optional(name),
  /** In the order they were recorded: a slice or callback when it ended, other events when they happened. */
  events: z.array(TraceEvent),
});

export type CreateEvent = z.infer<typeof CreateEvent>;
export type Wait = z.infer<typeof Wait>;
export type WaitKind = z.infer<typeof WaitKind>;
export type SliceEvent = z.infer<typeof SliceEvent>;
export type TaskNode = z.infer<typeof TaskNode>;
export type StepEvent = z.infer<typeof StepEvent>;
export type TraceEvent = z.infer<typeof TraceEvent>;
export type Trace = z.infer<typeof Trace>;
