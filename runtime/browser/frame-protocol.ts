/**
 * Messages between the page and the kernel frame (the sandboxed iframe that hosts the
 * kernel's worker). Versioned like the kernel protocol and parsed with zod on arrival,
 * after each side has checked who sent the message.
 *
 * Every command names the worker it is for (`worker`, a number the page picks for each
 * spawn), so a message for a worker that was already replaced does nothing, and every
 * event names the worker it came from, so the page drops events of replaced workers.
 */
import * as z from 'zod/mini';
import { ClientRequest, KernelEvent, PROTOCOL_VERSION, PreloadedFiles } from '../protocol';
import { STDIN_CAPACITY } from '../stdin-buffer';

const version = z.literal(PROTOCOL_VERSION);
const worker = z.int().check(z.gte(0));

// Commands: page -> frame. The page sends code and URLs, never a secret.

/**
 * Replace the frame's worker (if any) with a new one (the spare, if one is ready), and boot
 * the kernel in it. With a `port`, the page talks to the worker directly through it (runs,
 * completions, and every event back); the frame still owns the worker and its shared memory.
 * `preloaded`: the page sends Pyodide's large files (`frame.assets`), the worker waits for them.
 */
export const SpawnCommand = z.object({
  v: version,
  type: z.literal('frame.spawn'),
  worker,
  pyodideBaseUrl: z.string().check(z.minLength(1), z.maxLength(2048)),
  port: z.optional(z.custom<MessagePort>((value) => value instanceof MessagePort)),
  preloaded: z.optional(z.boolean()),
});

const arrayBuffer = z.custom<ArrayBuffer>((value) => value instanceof ArrayBuffer);

/**
 * Pyodide's large files, fetched by the page (which has an HTTP cache); null: they could not be.
 * `snapshot`: a memory snapshot of a booted Pyodide to start from, gzipped (absent or null: none).
 */
export const AssetsCommand = z.object({
  v: version,
  type: z.literal('frame.assets'),
  files: z.nullable(PreloadedFiles),
  snapshot: z.optional(z.nullable(arrayBuffer)),
});

/** Say `frame.loaded` again: for a page that adopts a frame its server rendered, after it loaded. */
export const PingCommand = z.object({ v: version, type: z.literal('frame.ping') });

/** Boot a spare kernel now (the page is idle), so that the next spawn takes over at once. */
export const SpareCommand = z.object({ v: version, type: z.literal('frame.spare') });

/** A kernel request for the worker, for a worker spawned without a port. */
export const PostCommand = z.object({ v: version, type: z.literal('frame.post'), worker, request: ClientRequest });

export const InterruptCommand = z.object({ v: version, type: z.literal('frame.interrupt'), worker });

/** A line for the worker's waiting `input()` (`null`: end of file); the frame writes it into the stdin channel. */
export const InputCommand = z.object({
  v: version,
  type: z.literal('frame.input'),
  worker,
  text: z.nullable(z.string().check(z.maxLength(STDIN_CAPACITY))),
});

export const TerminateCommand = z.object({ v: version, type: z.literal('frame.terminate'), worker });

export const FrameCommand = z.discriminatedUnion('type', [
  SpawnCommand,
  AssetsCommand,
  PingCommand,
  SpareCommand,
  PostCommand,
  InterruptCommand,
  InputCommand,
  TerminateCommand,
]);

// Events: frame -> page. Untrusted: the frame shares its origin with the learner's code.

/** The frame's script runs and listens. */
export const LoadedEvent = z.object({ v: version, type: z.literal('frame.loaded') });

/** A message of the worker that parsed as a kernel event (the page's kernel client checks it again). */
export const RelayEvent = z.object({ v: version, type: z.literal('frame.event'), worker, event: KernelEvent });

/** The worker failed (could not load, or crashed). */
export const ExitEvent = z.object({
  v: version,
  type: z.literal('frame.exit'),
  worker,
  reason: z.string().check(z.maxLength(4096)),
});

export const FrameEvent = z.discriminatedUnion('type', [LoadedEvent, RelayEvent, ExitEvent]);

// Frame -> its kernel worker, besides the kernel protocol (kernel.worker.ts takes it first).

/** Boot from this (gzipped) snapshot (null: boot Pyodide normally). Sent once, before the kernel's files. */
export const SnapshotMessage = z.object({ v: version, type: z.literal('worker.snapshot'), snapshot: z.nullable(arrayBuffer) });

export type FrameCommand = z.infer<typeof FrameCommand>;
export type SnapshotMessage = z.infer<typeof SnapshotMessage>;
export type FrameEvent = z.infer<typeof FrameEvent>;
export type SpawnCommand = z.infer<typeof SpawnCommand>;
