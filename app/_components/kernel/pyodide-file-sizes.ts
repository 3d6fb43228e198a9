import * as z from 'zod/mini';
import type { PyodideFileSizes, PyodideSnapshotInfo } from '@/runtime/browser/browser-kernel';

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

const Snapshot = z.nullable(
  z.object({
    file: z.string().check(z.regex(/^[\w.-]+$/)),
    bytes: size,
    hash: z.string().check(z.regex(/^[0-9a-f]+$/)),
  }),
);

/** The memory snapshot of a booted Pyodide, when `npm run build:kernel` made one before `next build`. */
export function pyodideSnapshot(): PyodideSnapshotInfo | undefined {
  const raw = process.env.AWAITABLE_PYODIDE_SNAPSHOT;
  if (!raw) return undefined;
  const parsed = Snapshot.safeParse(JSON.parse(raw));
  return parsed.success && parsed.data ? parsed.data : undefined;
}
