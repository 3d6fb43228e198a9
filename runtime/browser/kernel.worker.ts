/**
 * Web Worker entry: exposes the kernel over postMessage. Built by scripts/kernel/build.mjs
 * into public/kernel/kernel.worker.js (an ES module, so bundlers cannot turn it into a
 * classic worker, which Pyodide refuses). The kernel frame starts it from a blob: worker
 * that imports it (see worker-bootstrap.ts).
 */
import { pythonSources } from 'awaitable:python-sources';
import type { LoadPyodide } from '../kernel-core';
import { createKernelEndpoint } from '../kernel-endpoint';

type PyodideModule = { loadPyodide: LoadPyodide };

function isPyodideModule(module: unknown): module is PyodideModule {
  return typeof module === 'object' && module !== null && 'loadPyodide' in module && typeof module.loadPyodide === 'function';
}

async function importPyodide(baseUrl: string): Promise<LoadPyodide> {
  // Served from public/pyodide/, not bundled: keep both bundlers' hands off this import.
  const module: unknown = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ `${baseUrl}pyodide.mjs`);
  if (!isPyodideModule(module)) throw new Error(`${baseUrl}pyodide.mjs does not export loadPyodide`);
  return module.loadPyodide;
}

const handle = createKernelEndpoint({
  post: (event) => postMessage(event),
  importPyodide,
  pythonSources,
});
addEventListener('message', (event: MessageEvent<unknown>) => handle(event.data));
