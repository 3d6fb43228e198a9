/**
 * The host side of the protocol, shared by every host: parses requests, drives a
 * KernelCore, posts events. Hosts only supply how to post, how to import Pyodide
 * and the Python sources.
 */
import { KernelCore, KernelFatalError } from './kernel-core';
import type { LoadPyodide, PythonSources } from './kernel-core';
import { KernelRequest, PROTOCOL_VERSION, capText } from './protocol';
import type { CompleteRequest, InitRequest, KernelEvent, RunRequest } from './protocol';

export type KernelHostPort = {
  post(event: KernelEvent): void;
  importPyodide(baseUrl: string): Promise<LoadPyodide>;
  pythonSources: PythonSources;
};

/** Returns the handler for every message the host receives. */
export function createKernelEndpoint(port: KernelHostPort): (data: unknown) => void {
  let booted: Promise<void> | undefined;
  let core: KernelCore | undefined;
  const v = PROTOCOL_VERSION;

  const fail = (message: string) => port.post({ v, type: 'kernel.failed', message: capText(message) });

  async function boot(request: InitRequest): Promise<void> {
    const startedAt = performance.now();
    try {
      core = await KernelCore.boot({
        loadPyodide: await port.importPyodide(request.pyodideBaseUrl),
        indexURL: request.pyodideBaseUrl,
        interruptBuffer: new Int32Array(request.interruptBuffer),
        stdinBuffer: request.stdinBuffer,
        pythonSources: port.pythonSources,
        onStage: (stage, progress) => port.post({ v, type: 'kernel.loading', stage, progress }),
      });
      port.post({ v, type: 'kernel.ready', bootMs: performance.now() - startedAt });
    } catch (error) {
      fail(`The Python kernel failed to start: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function run(request: RunRequest): void {
    const { runId } = request;
    if (!core) {
      const error = { type: 'KernelError', message: 'The kernel is not running.', traceback: '' };
      port.post({ v, type: 'kernel.result', runId, status: 'error', error });
      return;
    }
    try {
      const outcome = core.run(request, {
        stream: (name, text) => port.post({ v, type: 'kernel.stream', runId, name, text }),
        truncated: (limits) => port.post({ v, type: 'kernel.output_truncated', runId, limits }),
        inputRequest: (prompt) => port.post({ v, type: 'kernel.stdin_request', runId, prompt }),
      });
      port.post({ v, type: 'kernel.result', runId, ...outcome });
    } catch (error) {
      // Whatever escaped the core (KernelFatalError or worse) leaves Pyodide unusable.
      core = undefined;
      fail(error instanceof KernelFatalError ? error.message : `The Python kernel crashed: ${String(error)}`);
    }
  }

  function complete({ requestId, code, cursor }: CompleteRequest): void {
    const found = core ? core.complete(code, cursor) : { from: cursor, matches: [] };
    port.post({ v, type: 'kernel.completions', requestId, ...found });
  }

  return (data: unknown) => {
    const parsed = KernelRequest.safeParse(data);
    if (!parsed.success) return; // not ours, or from another protocol version
    const request = parsed.data;
    if (request.type === 'kernel.init') {
      booted ??= boot(request);
      return;
    }
    // Runs wait for the boot; each then runs synchronously, so they never overlap.
    void (booted ?? Promise.resolve()).then(() => (request.type === 'kernel.run' ? run(request) : complete(request)));
  };
}
