/** The kernel in a Node worker thread: for tests, the lesson checker and the CLI. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { KernelClient } from '../kernel-client';
import type { KernelWorker, KernelWorkerHandlers, RunOptions, RunResult } from '../kernel-client';
import { createWorkerChannels } from '../worker-channels';

export type { KernelNotice, KernelStatus, KernelStatusDetail, OutputLimits, RunOptions, RunResult } from '../kernel-client';

const require = createRequire(import.meta.url);
const WORKER_URL = new URL('./kernel.worker.ts', import.meta.url).href;
/**
 * The worker is TypeScript. Node 20 applies neither `--import tsx` nor registered
 * hooks to a worker's entry file, but tsx's `tsImport` loads it (and its imports).
 */
const TSX_API_URL = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
const WORKER_BOOTSTRAP = `import(${JSON.stringify(TSX_API_URL)}).then((tsx) => tsx.tsImport(${JSON.stringify(WORKER_URL)}, ${JSON.stringify(WORKER_URL)}));`;

export type NodeKernelOptions = {
  /** Directory holding pyodide.mjs and its files. Default: the `pyodide` package. */
  pyodideDir?: string;
  /** See KernelClientOptions. */
  recycleHeapBytes?: number;
};

export class NodeKernel extends KernelClient {
  constructor(options: NodeKernelOptions = {}) {
    const pyodideDir = options.pyodideDir ?? dirname(require.resolve('pyodide/pyodide.mjs'));
    super({ spawn: (handlers) => spawnNodeWorker(`${pyodideDir}/`, handlers), recycleHeapBytes: options.recycleHeapBytes });
  }

  /**
   * Run a whole file as `python FILE ARGS...` would: its own namespace, `__name__ == '__main__'`.
   * `filename` (absolute) names it in tracebacks; `argv` is sys.argv (default `[filename]`).
   */
  runScript(filename: string, code: string, argv: string[] = [filename], options: RunOptions = {}): Promise<RunResult> {
    return this.enqueue({ mode: 'script', code, filename, argv }, options);
  }
}

function spawnNodeWorker(pyodideBaseUrl: string, handlers: KernelWorkerHandlers): KernelWorker {
  // Recursion through C code (__getattr__, __add__, repr) grows the JavaScript stack too.
  // CPython raises RecursionError when its own C stack (10 MB) runs out; with 64 MB of
  // JavaScript stack Pyodide overflowed first and died (at depth 20,000 through
  // __getattr__), with 256 MB CPython's check wins at any recursion limit.
  const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, resourceLimits: { stackSizeMb: 256 } });
  // The main thread owns the shared memory and writes it directly.
  const channels = createWorkerChannels();
  worker.postMessage(channels.initRequest(pyodideBaseUrl));
  let terminated = false;
  worker.on('message', (data: unknown) => handlers.onMessage(data));
  worker.on('error', (error) => handlers.onExit(`The kernel worker crashed: ${error.message}`));
  worker.on('exit', (code) => {
    if (!terminated) handlers.onExit(`The kernel worker exited with code ${code}.`);
  });
  return {
    post: (request) => worker.postMessage(request),
    interrupt: () => channels.interrupt(),
    provideInput: (text) => channels.provideInput(text),
    terminate: () => {
      terminated = true;
      void worker.terminate();
    },
  };
}
