/**
 * Messages between a kernel client (page, Node) and a kernel host (worker).
 *
 * Every message carries the protocol version and is parsed with zod on arrival.
 * Kernel events are untrusted: learner code runs in the kernel and can post
 * messages of its own, so the client also checks run ids and caps lengths.
 */
// zod/mini: the page bundles this file too, and classic zod costs ~450 KB there.
import * as z from 'zod/mini';

export const PROTOCOL_VERSION = 1;

/** Longest stream chunk a kernel sends; longer output is split. */
export const MAX_STREAM_CHUNK = 16_384;
/** Longest value repr, traceback or message a kernel sends; longer text is cut. */
export const MAX_TEXT = 65_536;
/** Longest prompt a stdin request carries (its end, if the partial line is longer). */
export const MAX_PROMPT = 4_096;

const version = z.literal(PROTOCOL_VERSION);
const text = (max: number) => z.string().check(z.maxLength(max));
const runId = z.string().check(z.minLength(1), z.maxLength(64));
const count = z.int().check(z.gte(0));
// Not z.instanceof(SharedArrayBuffer): that global is missing on pages that are not
// cross-origin isolated, and this module must load there to report the problem.
const sharedMemory = z.custom<SharedArrayBuffer>(
  (value) => typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer,
);

// Requests: client -> kernel host.

export const InitRequest = z.object({
  v: version,
  type: z.literal('kernel.init'),
  pyodideBaseUrl: z.string().check(z.minLength(1), z.maxLength(2048)),
  interruptBuffer: sharedMemory,
  /** The stdin channel (stdin-buffer.ts): how a line reaches a blocked `input()`. */
  stdinBuffer: sharedMemory,
  /** Pyodide's large files come in a `kernel.assets` request (fetched by the page): wait for it. */
  preloaded: z.optional(z.boolean()),
});

const bytes = z.custom<ArrayBuffer>((value) => value instanceof ArrayBuffer);

/** Pyodide's large files: `pyodide.asm.wasm`, `python_stdlib.zip` and `pyodide-lock.json`. */
export const PreloadedFiles = z.object({ wasm: bytes, stdlib: bytes, lockFile: z.string() });

/**
 * Pyodide's large files, fetched by whoever can cache them (the page), for a kernel whose
 * init said `preloaded`. `files: null`: they could not be fetched, load them by URL.
 */
export const AssetsRequest = z.object({
  v: version,
  type: z.literal('kernel.assets'),
  files: z.nullable(PreloadedFiles),
});

/**
 * From the kernel's owner: talk to the client through this port from now on (its events
 * too), and say again whether the kernel is ready. A booted spare kernel waits for this.
 */
export const ConnectRequest = z.object({
  v: version,
  type: z.literal('kernel.connect'),
  port: z.custom<MessagePort>((value) => typeof MessagePort !== 'undefined' && value instanceof MessagePort),
});

/** Longest JSON text an inspection (a trace, a bytecode listing) may carry: 32 MiB. */
export const MAX_INSPECTION_JSON = 32 * 1024 * 1024;

/**
 * What to record about a run besides its output (docs/TRACE.md): the event loop's trace
 * (`steps`: with loop steps) and the bytecode of the functions the code defines.
 */
export const InspectOptions = z.object({
  trace: z.optional(
    z.object({
      /** Events kept (default 200,000); later ones are counted as dropped. */
      maxEvents: z.optional(z.int().check(z.gte(1), z.lte(1_000_000))),
      /** A slice at least this long is `blocking` (default 0.1). */
      slowSeconds: z.optional(z.number().check(z.gte(0), z.lte(3600))),
      /** Record loop steps (default false), for the first `maxSteps` iterations (default 300). */
      steps: z.optional(z.boolean()),
      maxSteps: z.optional(z.int().check(z.gte(0), z.lte(10_000))),
    }),
  ),
  bytecode: z.optional(z.boolean()),
});

/** One inspection's result: its JSON (parsed by the client, untrusted), or why there is none. */
export const InspectionPart = z.union([
  z.object({ json: z.string().check(z.maxLength(MAX_INSPECTION_JSON)) }),
  z.object({ error: text(MAX_TEXT) }),
]);

/** How much stream text one run may send; past either limit the rest is counted, not sent. */
export const OutputLimits = z.object({ maxBytes: count, maxLines: count });

export const RunRequest = z.object({
  v: version,
  type: z.literal('kernel.run'),
  runId,
  code: text(1_000_000),
  cellId: z.optional(text(200)),
  /** 'cell': notebook cell (shared namespace, top-level await, trailing value); 'script': `python FILE`. */
  mode: z.enum(['cell', 'script']),
  /** For scripts: the file name shown in tracebacks, and sys.argv. */
  filename: z.optional(z.string().check(z.minLength(1), z.maxLength(4096))),
  argv: z.optional(z.array(text(4096)).check(z.maxLength(256))),
  /** Default: the kernel's (DEFAULT_OUTPUT_LIMITS in run-output.ts); null: no limit (the CLI). */
  outputLimits: z.optional(z.nullable(OutputLimits)),
  /** Trace the run's event loop and/or describe its bytecode; the run itself is unchanged. */
  inspect: z.optional(InspectOptions),
});

/** Names that complete the one ending at `cursor`, from the cells' live namespace. */
export const CompleteRequest = z.object({
  v: version,
  type: z.literal('kernel.complete'),
  requestId: runId,
  code: text(100_000),
  cursor: z.int().check(z.gte(0)),
});

/** What a client may ask of a kernel. */
export const ClientRequest = z.discriminatedUnion('type', [RunRequest, CompleteRequest]);

/** Everything a kernel host accepts from its owner (init, assets and connect come only from there). */
export const KernelRequest = z.discriminatedUnion('type', [InitRequest, AssetsRequest, ConnectRequest, RunRequest, CompleteRequest]);

// Events: kernel host -> client.

export const LoadingEvent = z.object({
  v: version,
  type: z.literal('kernel.loading'),
  stage: text(64),
  progress: z.number().check(z.gte(0), z.lte(1)),
  /** While Pyodide's files download: bytes so far and in all. */
  loadedBytes: z.optional(count),
  totalBytes: z.optional(count),
});

export const ReadyEvent = z.object({
  v: version,
  type: z.literal('kernel.ready'),
  bootMs: z.number().check(z.gte(0)),
});

/** The kernel cannot continue (boot failed, or Pyodide hit a fatal error). */
export const FailedEvent = z.object({
  v: version,
  type: z.literal('kernel.failed'),
  message: text(MAX_TEXT),
});

export const StreamName = z.enum(['stdout', 'stderr']);

export const StreamEvent = z.object({
  v: version,
  type: z.literal('kernel.stream'),
  runId,
  name: StreamName,
  text: text(MAX_STREAM_CHUNK),
});

/** A run blocks in `input()` (or pdb) until the client provides a line through the stdin channel. */
export const StdinRequestEvent = z.object({
  v: version,
  type: z.literal('kernel.stdin_request'),
  runId,
  /** The partial line of stdout before the read: what a terminal shows as the prompt. */
  prompt: text(MAX_PROMPT),
});

/** The run reached its output limits: from here on its stream text is counted, not sent. */
export const OutputTruncatedEvent = z.object({
  v: version,
  type: z.literal('kernel.output_truncated'),
  runId,
  limits: OutputLimits,
});

export const KernelErrorInfo = z.object({
  type: text(1024),
  message: text(MAX_TEXT),
  traceback: text(MAX_TEXT),
});

export const ResultEvent = z.object({
  v: version,
  type: z.literal('kernel.result'),
  runId,
  status: z.enum(['ok', 'error', 'interrupted']),
  /** repr() of a cell's trailing expression, when it is not None. */
  value: z.optional(text(MAX_TEXT)),
  error: z.optional(KernelErrorInfo),
  /** The `<cell-N>` number of a cell run. */
  executionCount: z.optional(z.int().check(z.gte(0))),
  /** For scripts: the exit status `python FILE` would have. */
  exitCode: z.optional(z.int()),
  /** Stream text the run printed past its output limits. */
  droppedOutput: z.optional(z.object({ bytes: count, lines: count })),
  /** Size of the WebAssembly heap after the run (it never shrinks). */
  heapBytes: z.optional(count),
  /** What the run's `inspect` asked for: each as JSON, or why it could not be had. */
  inspection: z.optional(z.object({ trace: z.optional(InspectionPart), bytecode: z.optional(InspectionPart) })),
});

/** At most this many completions, each at most MAX_COMPLETION chars. */
export const MAX_COMPLETIONS = 200;
export const MAX_COMPLETION = 200;

export const CompletionsEvent = z.object({
  v: version,
  type: z.literal('kernel.completions'),
  requestId: runId,
  /** Offset in the code where the completed name starts. */
  from: z.int().check(z.gte(0)),
  matches: z.array(text(MAX_COMPLETION)).check(z.maxLength(MAX_COMPLETIONS)),
});

export const KernelEvent = z.discriminatedUnion('type', [
  CompletionsEvent,
  LoadingEvent,
  ReadyEvent,
  FailedEvent,
  StreamEvent,
  StdinRequestEvent,
  OutputTruncatedEvent,
  ResultEvent,
]);

export type InitRequest = z.infer<typeof InitRequest>;
export type AssetsRequest = z.infer<typeof AssetsRequest>;
export type PreloadedFiles = z.infer<typeof PreloadedFiles>;
export type ConnectRequest = z.infer<typeof ConnectRequest>;
export type ClientRequest = z.infer<typeof ClientRequest>;
export type RunRequest = z.infer<typeof RunRequest>;
export type KernelRequest = z.infer<typeof KernelRequest>;
export type CompleteRequest = z.infer<typeof CompleteRequest>;
export type CompletionsEvent = z.infer<typeof CompletionsEvent>;
export type StreamName = z.infer<typeof StreamName>;
export type KernelErrorInfo = z.infer<typeof KernelErrorInfo>;
export type StreamEvent = z.infer<typeof StreamEvent>;
export type OutputLimits = z.infer<typeof OutputLimits>;
export type ResultEvent = z.infer<typeof ResultEvent>;
export type InspectOptions = z.infer<typeof InspectOptions>;
export type InspectionPart = z.infer<typeof InspectionPart>;
export type KernelEvent = z.infer<typeof KernelEvent>;

/** What a run produced, as the kernel reports it (before the client adds timing). */
export type RunOutcome = Omit<ResultEvent, 'v' | 'type' | 'runId'>;

/** Cut text to the protocol's limit, saying so at the end. */
export function capText(text: string, limit: number = MAX_TEXT): string {
  if (text.length <= limit) return text;
  const marker = `\n... [${text.length - limit} more characters]`;
  return text.slice(0, limit - marker.length) + marker;
}
