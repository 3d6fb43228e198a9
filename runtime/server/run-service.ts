/**
 * The app's server-kernel runner: admits runs through the bounded queue, runs each in a fresh
 * sandbox on its slot, streams the events as NDJSON, and lets the learner who started a run
 * interrupt it. Stateless apart from the runs in flight, so several runner processes can sit
 * behind the app (docs/ARCHITECTURE.md). No Next imports: the routes adapt it to HTTP.
 */
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { encodeEvent, SERVER_PROTOCOL_VERSION, splitText, type RunStreamEvent } from './protocol';
import { RunQueue, type RunQueueOptions } from './run-queue';
import { checkSandbox, startSandboxRun, type SandboxHandle, type SandboxLimits } from './sandbox';
import type { ServerKernelStatus, ServerRunEnd } from './server-kernel-client';

export type ServiceOptions = {
  queue: RunQueueOptions;
  limits?: Partial<SandboxLimits>;
  check?: () => Promise<ServerKernelStatus>;
};

export type StartResult =
  | { kind: 'stream'; runId: string; body: ReadableStream<Uint8Array> }
  | { kind: 'busy'; retryAfterSeconds: number; message: string }
  | { kind: 'unavailable'; message: string };

type InFlight = { learner: string; interrupt(): void };

const v = SERVER_PROTOCOL_VERSION;

export class ServerKernelService {
  readonly queue: RunQueue;
  private readonly runs = new Map<string, InFlight>();

  constructor(private readonly options: ServiceOptions) {
    this.queue = new RunQueue(options.queue);
  }

  status(): Promise<ServerKernelStatus> {
    return (this.options.check ?? checkSandbox)();
  }

  /** Admits a run; aborting `signal` (the client went away) kills it or takes it out of the queue. */
  async start(learner: string, request: { code: string; setup: string[] }, signal?: AbortSignal): Promise<StartResult> {
    const status = await this.status();
    if (!status.available) return { kind: 'unavailable', message: status.reason };
    const admission = this.queue.admit(learner);
    if (!admission.ok) return { kind: 'busy', retryAfterSeconds: admission.retryAfterSeconds, message: admission.message };
    const { ticket } = admission;
    const runId = randomBytes(12).toString('base64url');
    const startedAt = Date.now();
    let sandbox: SandboxHandle | null = null;
    let stopped: 'interrupt' | 'disconnect' | null = null;
    const stop = (why: 'interrupt' | 'disconnect') => {
      stopped ??= why;
      if (sandbox === null) ticket.cancel();
      else if (why === 'interrupt') sandbox.interrupt();
      else sandbox.kill();
    };
    this.runs.set(runId, { learner, interrupt: () => stop('interrupt') });
    signal?.addEventListener('abort', () => stop('disconnect'), { once: true });
    const encoder = new TextEncoder();
    const limits = this.options.limits;

    const body = new ReadableStream<Uint8Array>({
      start: async (controller) => {
        const send = (event: RunStreamEvent) => {
          if (stopped !== 'disconnect') controller.enqueue(encoder.encode(encodeEvent(event)));
        };
        const end = (value: ServerRunEnd) => {
          send({ v, type: 'run.end', end: value });
          this.runs.delete(runId);
          if (stopped !== 'disconnect') controller.close();
        };
        send({ v, type: 'run.accepted', runId, position: ticket.position });
        const slot = await ticket.slot;
        if (slot === null) {
          const elapsedMs = Date.now() - startedAt;
          if (ticket.timedOut) {
            const retryAfterSeconds = this.queue.retryAfterSeconds();
            end({ reason: 'busy', exitCode: null, elapsedMs, retryAfterSeconds, message: `The server kernel stayed busy; retry in ${retryAfterSeconds} s.` });
          } else {
            end({ reason: 'interrupted', exitCode: null, elapsedMs, message: 'Interrupted before the run started.' });
          }
          return;
        }
        sandbox = startSandboxRun(
          request,
          (event) => {
            for (const text of splitText(event.text)) send({ v, type: 'run.stream', name: event.name, text });
          },
          { slot: slot.index, ...(limits && { limits }) },
        );
        if (sandbox === null) {
          slot.release();
          end({ reason: 'unavailable', exitCode: null, elapsedMs: Date.now() - startedAt, message: 'bubblewrap (bwrap) is no longer installed.' });
          return;
        }
        send({ v, type: 'run.started' });
        if (stopped !== null) stop(stopped);
        const result = await sandbox.done;
        slot.release();
        end(result);
      },
      cancel: () => stop('disconnect'),
    });
    return { kind: 'stream', runId, body };
  }

  /** Interrupts the learner's run; false when no such run of theirs is in flight. */
  interrupt(learner: string, runId: string): boolean {
    const run = this.runs.get(runId);
    if (run === undefined || run.learner !== learner) return false;
    run.interrupt();
    return true;
  }
}

/** Queue sizes from the environment, else: two runs per core, 32 waiting, 2 per learner, 60 s wait. */
export function queueOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): RunQueueOptions {
  const number = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return {
    concurrency: number('AWAITABLE_SERVER_CONCURRENCY', Math.max(2, 2 * availableParallelism())),
    maxQueued: number('AWAITABLE_SERVER_QUEUE', 32),
    perLearner: number('AWAITABLE_SERVER_PER_LEARNER', 2),
    maxWaitMs: number('AWAITABLE_SERVER_MAX_WAIT_MS', 60_000),
  };
}

const globalKey = Symbol.for('awaitable.serverKernelService');
type WithService = typeof globalThis & { [globalKey]?: ServerKernelService };

/** The process's one service (kept on globalThis so dev reloads do not start a second queue). */
export function serverKernelService(): ServerKernelService {
  const holder: WithService = globalThis;
  holder[globalKey] ??= new ServerKernelService({ queue: queueOptionsFromEnv() });
  return holder[globalKey];
}
