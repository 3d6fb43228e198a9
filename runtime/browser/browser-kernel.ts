/** The kernel in a Web Worker, for the React app. The page must be cross-origin isolated (COOP/COEP). */
import { KernelClient } from '../kernel-client';
import type { KernelWorker, KernelWorkerHandlers } from '../kernel-client';

export type { KernelStatus, KernelStatusDetail, RunOptions, RunResult } from '../kernel-client';

export type BrowserKernelOptions = {
  /** URL of the built worker, e.g. '/kernel/kernel.worker.js'. */
  workerUrl: string;
  /** URL of the directory holding pyodide.mjs and its files, e.g. '/pyodide/'. */
  pyodideBaseUrl: string;
};

export class BrowserKernel extends KernelClient {
  constructor(options: BrowserKernelOptions) {
    super({
      spawn: (handlers) => spawnWebWorker(options.workerUrl, handlers),
      pyodideBaseUrl: absoluteDirectoryUrl(options.pyodideBaseUrl),
      assertSupported: assertCrossOriginIsolated,
    });
  }
}

function assertCrossOriginIsolated(): void {
  if (typeof SharedArrayBuffer === 'undefined' || !globalThis.crossOriginIsolated) {
    throw new Error(
      'The Python kernel needs SharedArrayBuffer, which browsers only allow on cross-origin isolated pages ' +
        '(served with Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp).',
    );
  }
  if (typeof Worker === 'undefined') throw new Error('The Python kernel needs Web Workers.');
}

/** The worker imports Pyodide by URL, so resolve it against the page, not the worker script. */
function absoluteDirectoryUrl(url: string): string {
  const absolute = typeof location === 'undefined' ? url : new URL(url, location.href).href;
  return absolute.endsWith('/') ? absolute : `${absolute}/`;
}

function spawnWebWorker(workerUrl: string, handlers: KernelWorkerHandlers): KernelWorker {
  const worker = new Worker(workerUrl, { type: 'module', name: 'python-kernel' });
  worker.addEventListener('message', (event: MessageEvent<unknown>) => handlers.onMessage(event.data));
  worker.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault();
    handlers.onExit(`The kernel worker failed: ${event.message || `could not load ${workerUrl}`}`);
  });
  return {
    post: (request) => worker.postMessage(request),
    terminate: () => worker.terminate(),
  };
}
