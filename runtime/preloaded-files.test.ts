import { describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { withPreloadedFiles } from './preloaded-files';

function baseUrlOf(server: Server, path: string): string {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the test server has no port');
  return `http://127.0.0.1:${address.port}${path}`;
}

const files = {
  wasm: new TextEncoder().encode('\0asm-bytes').buffer,
  stdlib: new TextEncoder().encode('zip-bytes').buffer,
  lockFile: '{"info": {}}',
};

describe('withPreloadedFiles', () => {
  it("answers Pyodide's requests for its files from memory, once each, and only while loading", async () => {
    const requested: string[] = [];
    const server = createServer((request, response) => {
      requested.push(request.url ?? '');
      response.end(`from the network: ${request.url}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = baseUrlOf(server, '/pyodide/');
    const originalFetch = globalThis.fetch;
    try {
      const seen = await withPreloadedFiles(base, Promise.resolve(files), async () => {
        const wasm = await fetch(new URL(`${base}pyodide.asm.wasm`));
        const stdlib = await fetch(`${base}python_stdlib.zip`);
        const lock = await fetch(new Request(`${base}pyodide-lock.json`));
        const other = await fetch(`${base}pyodide.asm.mjs`);
        const again = await fetch(`${base}python_stdlib.zip`);
        return {
          wasmType: wasm.headers.get('Content-Type'),
          wasm: await wasm.text(),
          stdlib: await stdlib.text(),
          lock: await lock.json(),
          other: await other.text(),
          again: await again.text(),
        };
      });
      expect(seen).toEqual({
        wasmType: 'application/wasm',
        wasm: '\0asm-bytes',
        stdlib: 'zip-bytes',
        lock: { info: {} },
        other: 'from the network: /pyodide/pyodide.asm.mjs',
        again: 'from the network: /pyodide/python_stdlib.zip',
      });
      expect(requested).toEqual(['/pyodide/pyodide.asm.mjs', '/pyodide/python_stdlib.zip']);
      expect(globalThis.fetch).toBe(originalFetch);
    } finally {
      globalThis.fetch = originalFetch;
      server.close();
    }
  });

  it('fetches by URL after all when the files could not be preloaded, and restores fetch after a failed load', async () => {
    const server = createServer((request, response) => response.end(`network ${request.url}`));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = baseUrlOf(server, '/');
    const originalFetch = globalThis.fetch;
    try {
      const text = await withPreloadedFiles(base, Promise.resolve(null), async () => (await fetch(`${base}python_stdlib.zip`)).text());
      expect(text).toBe('network /python_stdlib.zip');
      await expect(
        withPreloadedFiles(base, Promise.resolve(files), async () => {
          throw new Error('Pyodide failed');
        }),
      ).rejects.toThrow('Pyodide failed');
      expect(globalThis.fetch).toBe(originalFetch);
    } finally {
      globalThis.fetch = originalFetch;
      server.close();
    }
  });
});
