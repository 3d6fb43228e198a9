/**
 * The page downloads Pyodide's large files for the kernel: the page has a normal HTTP cache
 * (the files are immutable), while the kernel's sandboxed frame has an opaque origin, whose
 * requests Chromium never serves from the cache, so it would fetch 6 MB on every visit. The
 * bytes are counted as they arrive, which is the progress the learner sees.
 */
import type { PreloadedFiles } from '../protocol';

/** Bytes of each file (uncompressed), known at build time; the total the progress counts towards. */
export type PyodideFileSizes = Readonly<Record<PyodideFileName, number>>;
export type PyodideFileName = (typeof PYODIDE_FILES)[keyof typeof PYODIDE_FILES];
export type DownloadProgress = { loadedBytes: number; totalBytes: number };

export const PYODIDE_FILES = { wasm: 'pyodide.asm.wasm', stdlib: 'python_stdlib.zip', lockFile: 'pyodide-lock.json' } as const;

/** Report at most this often (in bytes): a 12 MB download is ~200 chunks. */
const REPORT_EVERY_BYTES = 128 * 1024;

export async function downloadPyodideFiles(
  baseUrl: string,
  sizes: PyodideFileSizes | undefined,
  onProgress: (progress: DownloadProgress) => void,
): Promise<PreloadedFiles> {
  const loaded = { wasm: 0, stdlib: 0, lockFile: 0 };
  const expected = {
    wasm: sizes?.[PYODIDE_FILES.wasm] ?? 0,
    stdlib: sizes?.[PYODIDE_FILES.stdlib] ?? 0,
    lockFile: sizes?.[PYODIDE_FILES.lockFile] ?? 0,
  };
  let reportedAt = -Infinity;
  const report = (force: boolean) => {
    const loadedBytes = loaded.wasm + loaded.stdlib + loaded.lockFile;
    if (!force && loadedBytes - reportedAt < REPORT_EVERY_BYTES) return;
    reportedAt = loadedBytes;
    // A file larger than announced (say, another build behind a proxy) grows the total.
    const totalBytes = (['wasm', 'stdlib', 'lockFile'] as const).reduce((sum, key) => sum + Math.max(loaded[key], expected[key]), 0);
    onProgress({ loadedBytes, totalBytes });
  };
  const download = async (key: keyof typeof PYODIDE_FILES): Promise<Uint8Array<ArrayBuffer>> => {
    const url = `${baseUrl}${PYODIDE_FILES[key]}`;
    const response = await fetch(url);
    if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
    expected[key] ||= contentLength(response) ?? 0;
    const chunks: Uint8Array[] = [];
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      chunks.push(chunk.value);
      loaded[key] += chunk.value.byteLength;
      report(false);
    }
    return concatenate(chunks, loaded[key]);
  };
  const [wasm, stdlib, lockFile] = await Promise.all([download('wasm'), download('stdlib'), download('lockFile')]);
  report(true);
  return { wasm: wasm.buffer, stdlib: stdlib.buffer, lockFile: new TextDecoder().decode(lockFile) };
}

/** Content-Length is the body's size only when the server did not compress it. */
function contentLength(response: Response): number | undefined {
  if (response.headers.get('Content-Encoding')) return undefined;
  const length = Number(response.headers.get('Content-Length'));
  return Number.isSafeInteger(length) && length > 0 ? length : undefined;
}

function concatenate(chunks: Uint8Array[], length: number): Uint8Array<ArrayBuffer> {
  const whole = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}
