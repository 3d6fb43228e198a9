import { benchEnabled, notFoundResponse } from '../bench-gate';

export const dynamic = 'force-dynamic';

/**
 * Bench only: the baseline for "kernel ready", the least a page can do to get Python: a bare
 * HTML page whose inline module script starts the bare worker at once. It records
 * `window.bareReadyAt` (ms since navigation start) when Pyodide has loaded.
 */
const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Bare Pyodide</title></head>
<body>
<p id="status">Loading Pyodide…</p>
<script type="module">
const worker = new Worker('/bench/bare-worker', { type: 'module' });
worker.onmessage = ({ data }) => {
  if (data.type !== 'loaded') return;
  window.bareReadyAt = performance.now();
  document.getElementById('status').textContent = 'Pyodide ready';
};
worker.postMessage({ type: 'load', indexURL: new URL('/pyodide/', location.href).href });
</script>
</body>
</html>
`;

export function GET(): Response {
  if (!benchEnabled()) return notFoundResponse();
  return new Response(page, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' } });
}
