import * as z from 'zod/mini';
import type { PyodideFileSizes } from '@/runtime/browser/browser-kernel';

const size = z.int().check(z.gt(0));
const Sizes = z.object({ 'pyodide.asm.wasm': size, 'python_stdlib.zip': size, 'pyodide-lock.json': size });

/**
 * Sizes of Pyodide's files, put into the bundle by next.config.js at build time, for the
 * download's total. Without them (another build setup) the progress counts towards
 * Content-Length where the server sends one.
 */
export function pyodideFileSizes(): PyodideFileSizes | undefined {
  const raw = process.env.AWAITABLE_PYODIDE_FILE_SIZES;
  if (!raw) return undefined;
  const parsed = Sizes.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : undefined;
}
