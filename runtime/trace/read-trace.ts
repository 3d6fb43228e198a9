/** Reading a trace (docs/TRACE.md): parse it with a clear error, and the views tests and tools need. */
import * as z from 'zod/mini';
import { TRACE_FORMAT, TRACE_VERSION, Trace } from './trace-schema';
import type { CreateEvent, SliceEvent, TraceEvent, WaitKind } from './trace-schema';

export class TraceFormatError extends Error {
  override name = 'TraceFormatError';
}

/** Parse a trace's JSON text; `source` (a file name) names it in errors. */
export function parseTraceJson(text: string, source = 'trace'): Trace {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TraceFormatError(`${source} is not JSON: ${reason}`);
  }
  return parseTrace(data, source);
}

/** Check parsed JSON against the schema (format, version, every event). */
export function parseTrace(data: unknown, source = 'trace'): Trace {
  if (typeof data === 'object' && data !== null && 'format' in data && 'version' in data) {
    if (data.format === TRACE_FORMAT && data.version !== TRACE_VERSION) {
      throw new TraceFormatError(`${source} is a version ${String(data.version)} trace; this reader knows version ${TRACE_VERSION}`);
    }
  }
  const parsed = Trace.safeParse(data);
  if (!parsed.success) throw new TraceFormatError(`${source} is not an ${TRACE_FORMAT} trace:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Each task's creation, by task number. */
export function tasksOf(trace: Trace): Map<number, CreateEvent> {
  const tasks = new Map<number, CreateEvent>();
  for (const event of trace.events) if (event.type === 'create') tasks.set(event.task, event);
  return tasks;
}

/** The slices of one task (or of all), in the order they ran. */
export function slicesOf(trace: Trace, task?: number): SliceEvent[] {
  return trace.events
    .filter((event): event is SliceEvent => event.type === 'slice' && (task === undefined || event.task === task))
    .sort((a, b) => a.start - b.start);
}

/** A task suspended from `start` until it was scheduled again at `end` (null: it never was). */
export type WaitInterval = { task: number; kind: WaitKind; label: string; start: number; end: number | null };

/** Every wait of every task: from the slice that suspended to the `ready` that ended it. */
export function waitsOf(trace: Trace): WaitInterval[] {
  const open = new Map<number, WaitInterval>();
  const waits: WaitInterval[] = [];
  for (const event of trace.events) {
    if (event.type === 'slice' && event.outcome === 'wait' && event.wait) {
      const wait: WaitInterval = { task: event.task, kind: event.wait.kind, label: event.wait.label, start: event.end, end: null };
      open.set(event.task, wait);
      waits.push(wait);
    } else if (event.type === 'ready') {
      const wait = open.get(event.task);
      if (wait) wait.end = event.t;
      open.delete(event.task);
    }
  }
  return waits;
}

/** What held the loop for at least the trace's slow threshold: slices, callbacks, blocking calls. */
export function blockingEventsOf(trace: Trace): TraceEvent[] {
  return trace.events.filter((event) => 'blocking' in event && event.blocking);
}
