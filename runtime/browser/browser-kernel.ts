/**
 * The kernel for the React app. Its worker runs in a sandboxed iframe (an opaque origin, see
 * kernel-frame.ts), so learner code cannot act as the learner. The page must be cross-origin
 * isolated (COOP/COEP); the frame shares that isolation through `allow="cross-origin-isolated"`.
 */
import { KernelClient } from '../kernel-client';
import { KernelFrame } from './kernel-frame';
import type { PyodideFileSizes, PyodideSnapshotInfo } from './pyodide-download';

export type { KernelNotice, KernelStatus, KernelStatusDetail, OutputLimits, RunOptions, RunResult } from '../kernel-client';
export type { Completions } from '../completion-requests';
export type { PyodideFileSizes, PyodideSnapshotInfo } from './pyodide-download';

export type BrowserKernelOptions = {
  /** URL of the built kernel frame, e.g. '/kernel/frame.html' (its worker is built beside it). */
  frameUrl: string;
  /** URL of the directory holding pyodide.mjs and its files, e.g. '/pyodide/'. */
  pyodideBaseUrl: string;
  /** Sizes of Pyodide's large files, so that the download's progress has a total from the start. */
  pyodideFileSizes?: PyodideFileSizes;
  /** A memory snapshot of a booted Pyodide in pyodideBaseUrl (scripts/kernel/build.mjs): boots start from it. */
  pyodideSnapshot?: PyodideSnapshotInfo;
  /**
   * Keep a booted spare kernel, so that a restart or a hard stop gets a fresh kernel at once.
   * Default: on, unless the device reports less than 4 GB of memory or the learner asked to save data.
   */
  spare?: boolean;
};

export class BrowserKernel extends KernelClient {
  private readonly frame: KernelFrame;

  constructor(options: BrowserKernelOptions) {
    const frame = new KernelFrame({
      frameUrl: absoluteUrl(options.frameUrl),
      pyodideBaseUrl: absoluteDirectoryUrl(options.pyodideBaseUrl),
      ...(options.pyodideFileSizes && { pyodideFileSizes: options.pyodideFileSizes }),
      ...(options.pyodideSnapshot && { pyodideSnapshot: options.pyodideSnapshot }),
      spare: options.spare ?? roomForSpare(),
    });
    super({ spawn: (handlers) => frame.spawn(handlers), assertSupported: assertCrossOriginIsolated });
    this.frame = frame;
  }

  override dispose(): void {
    super.dispose();
    this.frame.dispose();
  }
}

function assertCrossOriginIsolated(): void {
  if (typeof SharedArrayBuffer === 'undefined' || !globalThis.crossOriginIsolated) {
    throw new Error(
      'The Python kernel needs SharedArrayBuffer, which browsers only allow on cross-origin isolated pages ' +
        '(served with Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp).',
    );
  }
  if (typeof Worker === 'undefined' || typeof document === 'undefined') {
    throw new Error('The Python kernel needs Web Workers and a document to host its frame.');
  }
}

/**
 * A spare kernel costs a second Pyodide heap (~40 MB). Skip it where the browser says memory
 * is short (Chromium's `navigator.deviceMemory`, in GB, rounded) or the learner saves data.
 */
function roomForSpare(): boolean {
  if (typeof navigator === 'undefined') return false;
  const memoryGb: unknown = Reflect.get(navigator, 'deviceMemory');
  const connection: unknown = Reflect.get(navigator, 'connection');
  const saveData = typeof connection === 'object' && connection !== null && Reflect.get(connection, 'saveData') === true;
  return !saveData && !(typeof memoryGb === 'number' && memoryGb < 4);
}

/** The frame loads Pyodide by URL, so resolve URLs against the page, not the frame or its worker. */
function absoluteUrl(url: string): string {
  return typeof location === 'undefined' ? url : new URL(url, location.href).href;
}

function absoluteDirectoryUrl(url: string): string {
  const absolute = absoluteUrl(url);
  return absolute.endsWith('/') ? absolute : `${absolute}/`;
}
