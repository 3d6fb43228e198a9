/**
 * The host side of the protocol, shared by every host: parses requests, drives a
 * KernelCore, posts events. Hosts only supply how to post to the kernel's owner, how to
 * import Pyodide and the Python sources.
 *
 * The owner (the thread that spawned the worker: Node's main thread, the browser's kernel
 * frame) may hand over a MessagePort (`kernel.connect`): from then on the client talks to
 * the kernel directly through it, runs and completions only, and every event goes there.
 * A spare kernel boots before anyone connects and says it is ready when someone does.
 */
import { KernelCore, KernelFatalError } from './kernel-core';
import type { LoadPyodide, PythonSources } from './kernel-core';
import { ClientRequest, KernelRequest, PROTOCOL_VERSION, capText } from './protocol';
import type { CompleteRequest, InitRequest, KernelEvent, PreloadedFiles, RunRequest } from './protocol';

export type KernelHostPort = {
  post(event: KernelEvent): void;
  importPyodide(baseUrl: string): Promise<LoadPyodide>;
  pythonSources: PythonSources;
};

type Boot = { state: 'booting' } | { state: 'ready'; bootMs: number } | { state: 'failed'; message: string };

/** Returns the handler for every message the host receives from its owner. */
export function createKernelEndpoint(host: KernelHostPort): (data: unknown) => void {
  let booted: Promise<void> | undefined;
  let core: KernelCore | undefined;
  let boot: Boot = { state: 'booting' };
  let client: MessagePort | undefined;
  let providePreloaded: ((files: PreloadedFiles | null) => void) | undefined;
  const v = PROTOCOL_VERSION;

  const post = (event: KernelEvent) => (client ? client.postMessage(event) : host.post(event));
  const fail = (message: string) => {
    boot = { state: 'failed', message: capText(message) };
    post({ v, type: 'kernel.failed', message: boot.message });
  };

  async function start(request: InitRequest): Promise<void> {
    const startedAt = performance.now();
    const preloaded = request.preloaded ? new Promise<PreloadedFiles | null>((resolve) => (providePreloaded = resolve)) : undefined;
    try {
      core = await KernelCore.boot({
        loadPyodide: await host.importPyodide(request.pyodideBaseUrl),
        indexURL: request.pyodideBaseUrl,
        interruptBuffer: new Int32Array(request.interruptBuffer),
        stdinBuffer: request.stdinBuffer,
        pythonSources: host.pythonSources,
        ...(preloaded && { preloaded }),
        onStage: (stage, progress) => post({ v, type: 'kernel.loading', stage, progress }),
      });
      boot = { state: 'ready', bootMs: performance.now() - startedAt };
      post({ v, type: 'kernel.ready', bootMs: boot.bootMs });
    } catch (error) {
      fail(`The Python kernel failed to start: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function run(request: RunRequest): void {
    const { runId } = request;
    if (!core) {
      const error = { type: 'KernelError', message: 'The kernel is not running.', traceback: '' };
      post({ v, type: 'kernel.result', runId, status: 'error', error });
      return;
    }
    try {
      const outcome = core.run(request, {
        stream: (name, text) => post({ v, type: 'kernel.stream', runId, name, text }),
        truncated: (limits) => post({ v, type: 'kernel.output_truncated', runId, limits }),
        inputRequest: (prompt) => post({ v, type: 'kernel.stdin_request', runId, prompt }),
      });
      post({ v, type: 'kernel.result', runId, ...outcome });
    } catch (error) {
      // Whatever escaped the core (KernelFatalError or worse) leaves Pyodide unusable.
      core = undefined;
      fail(error instanceof KernelFatalError ? error.message : `The Python kernel crashed: ${String(error)}`);
    }
  }

  function complete({ requestId, code, cursor }: CompleteRequest): void {
    const found = core ? core.complete(code, cursor) : { from: cursor, matches: [] };
    post({ v, type: 'kernel.completions', requestId, ...found });
  }

  function serve(request: ClientRequest): void {
    // Runs wait for the boot; each then runs synchronously, so they never overlap.
    if (core) return request.type === 'kernel.run' ? run(request) : complete(request);
    void (booted ?? Promise.resolve()).then(() => (request.type === 'kernel.run' ? run(request) : complete(request)));
  }

  function connect(port: MessagePort): void {
    client?.close();
    client = port;
    port.onmessage = (event: MessageEvent<unknown>) => {
      const parsed = ClientRequest.safeParse(event.data);
      if (parsed.success) serve(parsed.data);
      else refuse(event.data, parsed.error.issues);
    };
    if (boot.state === 'ready') post({ v, type: 'kernel.ready', bootMs: boot.bootMs });
    else if (boot.state === 'failed') post({ v, type: 'kernel.failed', message: boot.message });
  }

  /**
   * A request that names one of our types but does not parse (another protocol version, a
   * bad field) gets a clear failure now, rather than a client waiting for its boot timeout.
   */
  function refuse(data: unknown, issues: readonly { path: readonly PropertyKey[]; message: string }[]): void {
    if (typeof data !== 'object' || data === null) return;
    const { type, runId, requestId, v: version } = data as Record<string, unknown>;
    if (typeof type !== 'string' || !type.startsWith('kernel.')) return; // not ours
    const issue = issues[0];
    const why =
      version !== v
        ? `the page speaks kernel protocol version ${String(version)}, this kernel version ${v}: reload the page`
        : `${issue?.path.join('.') || 'the request'}: ${issue?.message ?? 'invalid'}`;
    if (type === 'kernel.init' && !booted) {
      booted = Promise.resolve();
      fail(`The Python kernel could not start: ${why}.`);
    } else if (type === 'kernel.run' && typeof runId === 'string' && runId.length > 0 && runId.length <= 64) {
      const error = { type: 'KernelError', message: `The kernel did not understand this run: ${why}.`, traceback: '' };
      post({ v, type: 'kernel.result', runId, status: 'error', error });
    } else if (type === 'kernel.complete' && typeof requestId === 'string' && requestId.length > 0 && requestId.length <= 64) {
      post({ v, type: 'kernel.completions', requestId, from: 0, matches: [] });
    }
  }

  return (data: unknown) => {
    const parsed = KernelRequest.safeParse(data);
    if (!parsed.success) return refuse(data, parsed.error.issues);
    const request = parsed.data;
    switch (request.type) {
      case 'kernel.init':
        booted ??= start(request);
        return;
      case 'kernel.assets':
        providePreloaded?.(request.files);
        return;
      case 'kernel.connect':
        connect(request.port);
        return;
      default:
        serve(request);
    }
  };
}
