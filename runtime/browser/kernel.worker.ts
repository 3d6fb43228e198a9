/**
 * Web Worker entry: exposes the kernel over postMessage. Built by scripts/kernel/build.mjs
 * into public/kernel/kernel.worker.js and started as a module worker (Pyodide refuses
 * classic workers, which is what bundlers make of `new Worker(new URL(...))`).
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
