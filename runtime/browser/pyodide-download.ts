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
/**
 * A memory snapshot of a booted Pyodide (gzipped, made by scripts/kernel/build.mjs), served
 * beside its files: its file name, size and version (in its URL: the directory is immutable;
 * see next.config.js).
 */
export type PyodideSnapshotInfo = { file: string; bytes: number; hash: string };
/** What the page hands to the kernel frame; `snapshot` is null when there is none or it failed. */
export type DownloadedFiles = { files: PreloadedFiles; snapshot: ArrayBuffer | null };

export const PYODIDE_FILES = { wasm: 'pyodide.asm.wasm', stdlib: 'python_stdlib.zip', lockFile: 'pyodide-lock.json' } as const;

/** The snapshot's URL: its version in the query, so that another snapshot is another URL. */
export const pyodideSnapshotUrl = (baseUrl: string, { file, hash }: PyodideSnapshotInfo): string => `${baseUrl}${file}?v=${encodeURIComponent(hash)}`;

/** Report at most this often (in bytes), and at most ~100 times in all: each report re-renders the status. */
const REPORT_EVERY_BYTES = 128 * 1024;
const REPORTS = 100;

/**
 * Downloads Pyodide's large files and, if given, the snapshot. A snapshot that cannot be had
 * is left out (the kernel then boots Pyodide without it); any other file failing rejects.
 */
export async function downloadPyodideFiles(
  baseUrl: string,
  sizes: PyodideFileSizes | undefined,
  onProgress: (progress: DownloadProgress) => void,
  snapshot?: PyodideSnapshotInfo,
): Promise<DownloadedFiles> {
  const loaded = { wasm: 0, stdlib: 0, lockFile: 0, snapshot: 0 };
  const expected = {
    wasm: sizes?.[PYODIDE_FILES.wasm] ?? 0,
    stdlib: sizes?.[PYODIDE_FILES.stdlib] ?? 0,
    lockFile: sizes?.[PYODIDE_FILES.lockFile] ?? 0,
    snapshot: snapshot?.bytes ?? 0,
  };
  const keys = ['wasm', 'stdlib', 'lockFile', 'snapshot'] as const;
  let reportedAt = -Infinity;
  const report = (force: boolean) => {
    const loadedBytes = keys.reduce((sum, key) => sum + loaded[key], 0);
    const step = Math.max(REPORT_EVERY_BYTES, keys.reduce((sum, key) => sum + expected[key], 0) / REPORTS);
    if (!force && loadedBytes - reportedAt < step) return;
    reportedAt = loadedBytes;
    // A file larger than announced (say, another build behind a proxy) grows the total.
    const totalBytes = keys.reduce((sum, key) => sum + Math.max(loaded[key], expected[key]), 0);
    onProgress({ loadedBytes, totalBytes });
  };
  const download = async (key: (typeof keys)[number], url: string): Promise<Uint8Array<ArrayBuffer>> => {
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
  const file = (key: keyof typeof PYODIDE_FILES) => download(key, `${baseUrl}${PYODIDE_FILES[key]}`);
  const snapshotBytes = snapshot
    ? download('snapshot', pyodideSnapshotUrl(baseUrl, snapshot)).then(
        (bytes) => bytes.buffer,
        () => {
          expected.snapshot = loaded.snapshot; // the total shrinks to what did arrive
          return null;
        },
      )
    : Promise.resolve(null);
  const [wasm, stdlib, lockFile, snapshotBuffer] = await Promise.all([file('wasm'), file('stdlib'), file('lockFile'), snapshotBytes]);
  report(true);
  return { files: { wasm: wasm.buffer, stdlib: stdlib.buffer, lockFile: new TextDecoder().decode(lockFile) }, snapshot: snapshotBuffer };
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
