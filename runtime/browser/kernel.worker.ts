/**
 * Web Worker entry: exposes the kernel over postMessage. Built by scripts/kernel/build.mjs
 * into public/kernel/kernel.worker.js (an ES module, so bundlers cannot turn it into a
 * classic worker, which Pyodide refuses). The kernel frame starts it from a blob: worker
 * that imports it (see worker-bootstrap.ts).
 *
 * Before the kernel's files the frame says whether to boot from a memory snapshot of a
 * freshly booted Pyodide (`worker.snapshot`, gzipped, see frame-protocol.ts): restoring it
 * skips CPython's start-up, most of a boot.
 */
import { pythonSources } from 'awaitable:python-sources';
import type { LoadPyodide } from '../kernel-core';
import { createKernelEndpoint } from '../kernel-endpoint';
import { SnapshotMessage } from './frame-protocol';

type PyodideModule = { loadPyodide: LoadPyodide };

function isPyodideModule(module: unknown): module is PyodideModule {
  return typeof module === 'object' && module !== null && 'loadPyodide' in module && typeof module.loadPyodide === 'function';
}

let provideSnapshot: (snapshot: ArrayBuffer | null) => void = () => undefined;
const snapshot = new Promise<ArrayBuffer | null>((resolve) => (provideSnapshot = resolve));

/**
 * Every kernel restored from one snapshot would share its random state: reseed the modules
 * that start-up imported (`random`'s seed comes from os.urandom, as at a normal start).
 */
const RESEED = "import sys\nif 'random' in sys.modules: sys.modules['random'].seed()";

/** The snapshot comes gzipped (scripts/kernel/build.mjs): 6 MB to read from the page's cache instead of 31. */
function inflate(gzipped: ArrayBuffer): Promise<ArrayBuffer> {
  return new Response(new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
}

async function importPyodide(baseUrl: string): Promise<LoadPyodide> {
  // Served from public/pyodide/, not bundled: keep both bundlers' hands off this import.
  const module: unknown = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ `${baseUrl}pyodide.mjs`);
  if (!isPyodideModule(module)) throw new Error(`${baseUrl}pyodide.mjs does not export loadPyodide`);
  const { loadPyodide } = module;
  // Pyodide imports its runtime (1.2 MB of JavaScript) by this URL once the files are here:
  // import it now, while the page is still downloading them, so that it is parsed by then.
  import(/* webpackIgnore: true */ /* turbopackIgnore: true */ `${baseUrl}pyodide.asm.mjs`).catch(() => undefined);
  const load: LoadPyodide = async (options) => {
    const bytes = await snapshot;
    if (!bytes) return loadPyodide(options);
    let pyodide;
    try {
      // Pyodide fetches its files (here: from the page's) while the snapshot inflates.
      pyodide = await loadPyodide({ ...options, _loadSnapshot: inflate(bytes) });
    } catch {
      // Not a snapshot of this Pyodide build (Pyodide checks): boot without it. The files the
      // page sent were used up, so Pyodide fetches them again.
      return loadPyodide(options);
    }
    pyodide.runPython(RESEED);
    return pyodide;
  };
  return load;
}

const handle = createKernelEndpoint({
  post: (event) => postMessage(event),
  importPyodide,
  pythonSources,
});
addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = SnapshotMessage.safeParse(event.data);
  if (parsed.success) provideSnapshot(parsed.data.snapshot);
  else handle(event.data);
});
