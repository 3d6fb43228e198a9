import { benchEnabled, notFoundResponse } from '../bench-gate';

export const dynamic = 'force-dynamic';

/**
 * Bench only: the bare-Pyodide baseline, a module worker with nothing of ours in it.
 * `{type:'load', indexURL}` -> `loadPyodide` -> `{type:'loaded'}`;
 * `{type:'run', code}` -> `pyodide.runPython(code)` -> `{type:'result', value}`.
 */
const worker = `let pyodide;
onmessage = async ({ data }) => {
  if (data.type === 'load') {
    const { loadPyodide } = await import(data.indexURL + 'pyodide.mjs');
    pyodide = await loadPyodide({ indexURL: data.indexURL });
    postMessage({ type: 'loaded' });
  } else if (data.type === 'run') {
    postMessage({ type: 'result', value: String(pyodide.runPython(data.code)) });
  }
};
`;

export function GET(): Response {
  if (!benchEnabled()) return notFoundResponse();
  return new Response(worker, { headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' } });
}
