/**
 * Pyodide fetches its WebAssembly, standard library and lock file by URL. A kernel whose
 * files were fetched by someone else (in browsers the page, which has an HTTP cache; the
 * kernel's sandboxed frame has none) answers those requests from memory while Pyodide loads:
 * `fetch` is wrapped for the duration of `load` only, before any learner code runs.
 */
import type { PreloadedFiles } from './protocol';

type Serve = (files: PreloadedFiles) => Response;

export async function withPreloadedFiles<T>(
  indexURL: string,
  files: Promise<PreloadedFiles | null>,
  load: () => Promise<T>,
): Promise<T> {
  const original = globalThis.fetch;
  const served = new Map<string, Serve>([
    [`${indexURL}pyodide.asm.wasm`, ({ wasm }) => new Response(wasm, { headers: { 'Content-Type': 'application/wasm' } })],
    [`${indexURL}python_stdlib.zip`, ({ stdlib }) => new Response(stdlib, { headers: { 'Content-Type': 'application/zip' } })],
    [`${indexURL}pyodide-lock.json`, ({ lockFile }) => new Response(lockFile, { headers: { 'Content-Type': 'application/json' } })],
  ]);
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    const serve = served.get(url);
    if (!serve) return original(input, init);
    served.delete(url); // each file is served once (and its bytes are then the Response's)
    return files.then((preloaded) => (preloaded ? serve(preloaded) : original(input, init)));
  };
  try {
    return await load();
  } finally {
    globalThis.fetch = original;
  }
}
