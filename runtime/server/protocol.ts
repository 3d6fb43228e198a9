/**
 * The server kernel's wire protocol: what `POST /api/server-kernel/run` streams back (one JSON
 * object per line, NDJSON) and what `GET /api/server-kernel/status` answers. Versioned and
 * parsed with zod on arrival; browser-safe (zod/mini, no Node imports).
 *
 * The stream is written by our server, never by the learner's code (which only reaches us as
 * bytes on a pipe), but the client still parses every line and caps every string.
 */
import * as z from 'zod/mini';

export const SERVER_PROTOCOL_VERSION = 1;

/** Longest stream chunk in one event; longer output is split. */
export const MAX_SERVER_CHUNK = 16_384;

const version = z.literal(SERVER_PROTOCOL_VERSION);
const text = (max: number) => z.string().check(z.maxLength(max));
export const runIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/));

export const ServerRunEndReasonSchema = z.enum([
  'finished',
  'error',
  'time_limit',
  'memory_limit',
  'output_limit',
  'interrupted',
  'busy',
  'unavailable',
]);

export const ServerRunEndSchema = z.object({
  reason: ServerRunEndReasonSchema,
  exitCode: z.nullable(z.int()),
  elapsedMs: z.number().check(z.gte(0)),
  message: z.optional(text(4096)),
  retryAfterSeconds: z.optional(z.int().check(z.gte(1))),
});

/** The run is admitted: it waits behind `position` others (0: it starts now). */
export const AcceptedEvent = z.object({
  v: version,
  type: z.literal('run.accepted'),
  runId: runIdSchema,
  position: z.int().check(z.gte(0)),
});

/** The sandbox started (after the wait in the queue). */
export const StartedEvent = z.object({ v: version, type: z.literal('run.started') });

export const StreamEvent = z.object({
  v: version,
  type: z.literal('run.stream'),
  name: z.enum(['stdout', 'stderr']),
  text: text(MAX_SERVER_CHUNK),
});

export const EndEvent = z.object({ v: version, type: z.literal('run.end'), end: ServerRunEndSchema });

export const RunStreamEvent = z.discriminatedUnion('type', [AcceptedEvent, StartedEvent, StreamEvent, EndEvent]);

export const StatusResponse = z.object({
  v: version,
  available: z.boolean(),
  reason: z.optional(text(4096)),
});

/** The JSON body of an error answer (400, 403, 404, 413, 429, 503). */
export const ErrorResponse = z.object({ error: text(4096), retryAfterSeconds: z.optional(z.int()) });

export type ServerRunEndReasonWire = z.infer<typeof ServerRunEndReasonSchema>;
export type RunStreamEvent = z.infer<typeof RunStreamEvent>;
export type StatusResponse = z.infer<typeof StatusResponse>;

/** One event as a line of the NDJSON stream. */
export function encodeEvent(event: RunStreamEvent): string {
  return `${JSON.stringify(event)}\n`;
}

/** Splits text into chunks of at most `size` UTF-16 units, never inside a surrogate pair. */
export function splitText(value: string, size: number = MAX_SERVER_CHUNK): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < value.length) {
    let end = Math.min(value.length, start + size);
    const last = value.charCodeAt(end - 1);
    if (end < value.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    chunks.push(value.slice(start, end));
    start = end;
  }
  return chunks;
}
