/**
 * The page's client of the server kernel (browser-safe, no React): runs a cell in a fresh
 * sandboxed CPython on the server, streams its output, interrupts it, and always resolves with
 * why the run ended, including `busy` (HTTP 429, with Retry-After) and `unavailable`.
 */
import {
  ErrorResponse,
  RunStreamEvent,
  SERVER_PROTOCOL_VERSION,
  ServerRunEndSchema,
  StatusResponse,
} from './protocol';

export type ServerRunRequest = { lessonId: string; cellId: string; code: string; setup: string[] };
export type ServerRunEndReason =
  | 'finished'
  | 'error'
  | 'time_limit'
  | 'memory_limit'
  | 'output_limit'
  | 'interrupted'
  | 'busy'
  | 'unavailable';
export type ServerRunEnd = {
  reason: ServerRunEndReason;
  exitCode: number | null;
  elapsedMs: number;
  message?: string;
  retryAfterSeconds?: number;
};
export type ServerStreamEvent = { type: 'stream'; name: 'stdout' | 'stderr'; text: string };
export type ServerRun = { done: Promise<ServerRunEnd>; interrupt(): void };
export type ServerKernelStatus = { available: true } | { available: false; reason: string };

const json = { 'content-type': 'application/json' };

export class ServerKernelClient {
  private readonly endpoint: string;

  constructor(options: { endpoint?: string } = {}) {
    this.endpoint = (options.endpoint ?? '/api/server-kernel').replace(/\/$/, '');
  }

  async status(): Promise<ServerKernelStatus> {
    try {
      const response = await fetch(`${this.endpoint}/status`, { credentials: 'same-origin', cache: 'no-store' });
      const parsed = StatusResponse.safeParse(await response.json());
      if (!parsed.success) return { available: false, reason: `The server kernel answered ${response.status} with an unexpected body.` };
      if (parsed.data.available) return { available: true };
      return { available: false, reason: parsed.data.reason ?? 'The server kernel is not available.' };
    } catch (error) {
      return { available: false, reason: `The server kernel could not be reached: ${describe(error)}` };
    }
  }

  run(request: ServerRunRequest, onEvent: (event: ServerStreamEvent) => void): ServerRun {
    const abort = new AbortController();
    const startedAt = Date.now();
    let runId: string | null = null;
    let interruptWanted = false;
    const sendInterrupt = (id: string) =>
      void fetch(`${this.endpoint}/interrupt`, {
        method: 'POST',
        headers: json,
        credentials: 'same-origin',
        body: JSON.stringify({ v: SERVER_PROTOCOL_VERSION, runId: id }),
      }).catch(() => abort.abort());
    const local = (reason: ServerRunEndReason, message: string, extra: Partial<ServerRunEnd> = {}): ServerRunEnd => ({
      reason,
      exitCode: null,
      elapsedMs: Date.now() - startedAt,
      message,
      ...extra,
    });

    const done = (async (): Promise<ServerRunEnd> => {
      let response: Response;
      try {
        response = await fetch(`${this.endpoint}/run`, {
          method: 'POST',
          headers: json,
          credentials: 'same-origin',
          body: JSON.stringify(request),
          signal: abort.signal,
        });
      } catch (error) {
        if (interruptWanted) return local('interrupted', 'Interrupted before the run started.');
        return local('unavailable', `The server kernel could not be reached: ${describe(error)}`);
      }
      if (!response.ok || response.body === null) return refusal(response, local);
      try {
        for await (const line of ndjsonLines(response.body)) {
          const parsed = RunStreamEvent.safeParse(JSON.parse(line));
          if (!parsed.success) continue;
          const event = parsed.data;
          if (event.type === 'run.accepted') {
            runId = event.runId;
            if (interruptWanted) sendInterrupt(runId);
          } else if (event.type === 'run.stream') {
            onEvent({ type: 'stream', name: event.name, text: event.text });
          } else if (event.type === 'run.end') {
            return withoutUndefined(ServerRunEndSchema.parse(event.end));
          }
        }
      } catch (error) {
        if (interruptWanted) return local('interrupted', 'Interrupted.');
        return local('unavailable', `The connection to the server kernel broke: ${describe(error)}`);
      }
      if (interruptWanted) return local('interrupted', 'Interrupted.');
      return local('unavailable', 'The server kernel closed the connection before the run ended.');
    })();

    return {
      done,
      interrupt: () => {
        if (interruptWanted) return;
        interruptWanted = true;
        if (runId !== null) sendInterrupt(runId);
      },
    };
  }
}

async function refusal(
  response: Response,
  local: (reason: ServerRunEndReason, message: string, extra?: Partial<ServerRunEnd>) => ServerRunEnd,
): Promise<ServerRunEnd> {
  const body = ErrorResponse.safeParse(await response.json().catch(() => null));
  const message = body.success ? body.data.error : `The server kernel answered ${response.status}.`;
  if (response.status === 429) {
    const header = Number(response.headers.get('retry-after'));
    const retryAfterSeconds = Number.isInteger(header) && header > 0 ? header : (body.success ? body.data.retryAfterSeconds : undefined) ?? 5;
    return local('busy', message, { retryAfterSeconds });
  }
  return local('unavailable', message);
}

/** The lines of an NDJSON body, decoded as UTF-8. */
async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    pending += decoder.decode(value, { stream: true });
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      const line = pending.slice(0, newline).trim();
      pending = pending.slice(newline + 1);
      if (line) yield line;
      newline = pending.indexOf('\n');
    }
  }
  if (pending.trim()) yield pending.trim();
}

function withoutUndefined(end: ServerRunEnd): ServerRunEnd {
  const { message, retryAfterSeconds, ...rest } = end;
  return { ...rest, ...(message !== undefined && { message }), ...(retryAfterSeconds !== undefined && { retryAfterSeconds }) };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
