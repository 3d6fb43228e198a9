import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createGzip } from 'node:zlib';
import { PYODIDE_FILES, downloadPyodideFiles, type DownloadProgress, type PyodideFileSizes } from './pyodide-download';

const pyodideDir = dirname(createRequire(import.meta.url).resolve('pyodide/pyodide.mjs'));
const contents = Object.fromEntries(Object.values(PYODIDE_FILES).map((name) => [name, readFileSync(join(pyodideDir, name))]));
/** Any bytes do for a download test; the real snapshot is made by scripts/kernel/build.mjs. */
const snapshotBytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));
contents['snapshot.bin'] = snapshotBytes;
const sizes: PyodideFileSizes = {
  'pyodide.asm.wasm': contents['pyodide.asm.wasm']?.length ?? 0,
  'python_stdlib.zip': contents['python_stdlib.zip']?.length ?? 0,
  'pyodide-lock.json': contents['pyodide-lock.json']?.length ?? 0,
};
const totalBytes = Object.values(sizes).reduce((sum, size) => sum + size, 0);

/** Serves Pyodide's files as `next start` does: the wasm and the lock file gzipped (no Content-Length), the zip as is. */
async function pyodideServer(): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer((request, response) => {
    const body = contents[(request.url ?? '').replace('/pyodide/', '').replace(/\?v=abc$/, '')];
    if (!body) return void response.writeHead(404).end();
    if (request.url?.endsWith('.zip')) return void response.writeHead(200, { 'Content-Length': body.length }).end(body);
    response.writeHead(200, { 'Content-Encoding': 'gzip' });
    const gzip = createGzip();
    gzip.pipe(response);
    gzip.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the test server has no port');
  return { server, baseUrl: `http://127.0.0.1:${address.port}/pyodide/` };
}

describe('downloadPyodideFiles', () => {
  it("counts every byte of Pyodide's files as it arrives, towards their known total, and returns them whole", async () => {
    const { server, baseUrl } = await pyodideServer();
    try {
      const progress: DownloadProgress[] = [];
      const { files, snapshot } = await downloadPyodideFiles(baseUrl, sizes, (step) => progress.push(step));
      expect(snapshot).toBeNull();
      expect(Buffer.from(files.wasm).equals(contents['pyodide.asm.wasm'] ?? Buffer.alloc(0))).toBe(true);
      expect(Buffer.from(files.stdlib).equals(contents['python_stdlib.zip'] ?? Buffer.alloc(0))).toBe(true);
      expect(files.lockFile).toBe(contents['pyodide-lock.json']?.toString('utf8'));
      expect(progress.length).toBeGreaterThan(10);
      expect(progress.every((step) => step.totalBytes === totalBytes)).toBe(true);
      const loaded = progress.map((step) => step.loadedBytes);
      expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
      expect(progress.at(-1)).toEqual({ loadedBytes: totalBytes, totalBytes });
    } finally {
      server.close();
    }
  });

  it('without known sizes, counts towards Content-Length where the server sent one, and ends complete', async () => {
    const { server, baseUrl } = await pyodideServer();
    try {
      const progress: DownloadProgress[] = [];
      await downloadPyodideFiles(baseUrl, undefined, (step) => progress.push(step));
      expect(progress.at(-1)).toEqual({ loadedBytes: totalBytes, totalBytes });
    } finally {
      server.close();
    }
  });

  it('downloads the snapshot too, counted in the progress, and leaves out a snapshot it cannot get', async () => {
    const { server, baseUrl } = await pyodideServer();
    try {
      const progress: DownloadProgress[] = [];
      const info = { file: 'snapshot.bin', bytes: snapshotBytes.length, hash: 'abc' };
      const { files, snapshot } = await downloadPyodideFiles(baseUrl, sizes, (step) => progress.push(step), info);
      expect(Buffer.from(snapshot ?? new ArrayBuffer(0)).equals(snapshotBytes)).toBe(true);
      expect(files.lockFile).toBe(contents['pyodide-lock.json']?.toString('utf8'));
      expect(progress.every((step) => step.totalBytes === totalBytes + snapshotBytes.length)).toBe(true);
      expect(progress.at(-1)?.loadedBytes).toBe(totalBytes + snapshotBytes.length);

      const missing: DownloadProgress[] = [];
      const without = await downloadPyodideFiles(baseUrl, sizes, (step) => missing.push(step), { ...info, hash: 'gone' });
      expect(without.snapshot).toBeNull();
      expect(missing.at(-1)).toEqual({ loadedBytes: totalBytes, totalBytes });
    } finally {
      server.close();
    }
  });

  it('names the file that could not be downloaded', async () => {
    const { server, baseUrl } = await pyodideServer();
    try {
      await expect(downloadPyodideFiles(`${baseUrl}missing/`, sizes, () => undefined)).rejects.toThrow(/missing\/pyodide\.asm\.wasm: HTTP 404/);
    } finally {
      server.close();
    }
  });
});
