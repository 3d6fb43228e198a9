'use client';

import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { preload } from 'react-dom';
import { BrowserKernel, type KernelStatus } from '@/runtime/browser/browser-kernel';
import { KERNEL_FRAME_ATTRIBUTE, KERNEL_FRAME_ATTRIBUTES } from '@/runtime/browser/kernel-frame';
import { PYODIDE_FILES, pyodideSnapshotUrl } from '@/runtime/browser/pyodide-download';
import { pyodideFileSizes, pyodideSnapshot } from './pyodide-file-sizes';
import { useNotebookStrings } from '@/app/_components/lesson/lesson-language';

type KernelState = {
  status: KernelStatus | 'idle';
  stage?: string;
  progress?: number;
  /** Pyodide's files downloading: bytes so far and in all. */
  loadedBytes?: number;
  totalBytes?: number;
  error?: string;
};

type KernelContextValue = KernelState & { kernel(): BrowserKernel };

const KernelContext = createContext<KernelContextValue | null>(null);

const kernelAssets = { frameUrl: '/kernel/frame.html', pyodideBaseUrl: '/pyodide/' };
/** Runs shorter than this never show "Python running" (no flicker, and no re-render per run). */
const SHOW_BUSY_AFTER_MS = 100;

const stateKeys = ['status', 'stage', 'progress', 'loadedBytes', 'totalBytes', 'error'] as const;
const sameState = (a: KernelState, b: KernelState) => stateKeys.every((key) => a[key] === b[key]);

/**
 * The kernel's frame, in the server's HTML: it loads with the page and boots Pyodide while the
 * page hydrates (see kernel.frame.ts); the page's kernel adopts it. Not React's element: the
 * kernel removes and replaces its frame (a restart after a failure) on its own.
 */
const frameHtml = `<iframe src="${kernelAssets.frameUrl}" ${Object.entries(KERNEL_FRAME_ATTRIBUTES)
  .map(([name, value]) => `${name}="${value}"`)
  .join(' ')} hidden ${KERNEL_FRAME_ATTRIBUTE}></iframe>`;

/**
 * One kernel per lesson page. A lesson page is opened to run its code, so the kernel starts
 * with the page: its frame boots Pyodide off the main thread while the page hydrates, and the
 * page hands it Pyodide's files as soon as it has hydrated.
 */
export function KernelProvider({ children }: { children: ReactNode }) {
  // The page downloads Pyodide's large files for the kernel (see BrowserKernel): start them
  // with the page (a <link rel="preload"> in the server's HTML), at low priority, so the
  // kernel finds them under way or in the HTTP cache when it starts.
  for (const file of Object.values(PYODIDE_FILES)) {
    preload(`${kernelAssets.pyodideBaseUrl}${file}`, { as: 'fetch', crossOrigin: 'anonymous', fetchPriority: 'low' });
  }
  const snapshot = pyodideSnapshot();
  if (snapshot) preload(pyodideSnapshotUrl(kernelAssets.pyodideBaseUrl, snapshot), { as: 'fetch', crossOrigin: 'anonymous', fetchPriority: 'low' });
  const kernelRef = useRef<BrowserKernel | null>(null);
  const [state, setState] = useState<KernelState>({ status: 'idle' });

  const value = useMemo<KernelContextValue>(() => {
    const kernel = () => {
      if (!kernelRef.current) {
        const sizes = pyodideFileSizes();
        const snapshot = pyodideSnapshot();
        const created = new BrowserKernel({
          ...kernelAssets,
          ...(sizes && { pyodideFileSizes: sizes }),
          ...(snapshot && { pyodideSnapshot: snapshot }),
        });
        let busyTimer: ReturnType<typeof setTimeout> | undefined;
        created.onStatus((status, detail) => {
          clearTimeout(busyTimer);
          const next: KernelState = { status, ...detail };
          // A run shows as busy only once it has lasted a moment: a quick run re-renders nothing.
          if (status === 'busy') busyTimer = setTimeout(() => setState(next), SHOW_BUSY_AFTER_MS);
          else setState((previous) => (sameState(previous, next) ? previous : next));
        });
        kernelRef.current = created;
        created.start().catch((error: unknown) =>
          setState({ status: 'dead', error: error instanceof Error ? error.message : String(error) }),
        );
      }
      return kernelRef.current;
    };
    return { ...state, kernel };
  }, [state]);

  useEffect(() => {
    value.kernel();
    // Start once per page; `value` changes with every status update.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(
    () => () => {
      kernelRef.current?.dispose();
      kernelRef.current = null; // a remount (React's strict mode) starts a new one
    },
    [],
  );

  return (
    <KernelContext.Provider value={value}>
      <div hidden dangerouslySetInnerHTML={{ __html: frameHtml }} />
      {children}
    </KernelContext.Provider>
  );
}

export function useKernel(): KernelContextValue {
  const value = useContext(KernelContext);
  if (!value) throw new Error('useKernel must be used inside <KernelProvider>');
  return value;
}

const megabytes = (bytes: number) => (bytes / 1_000_000).toFixed(1);

export function KernelStatusBar() {
  const state = useKernel();
  const { status, progress, loadedBytes, totalBytes, error } = state;
  const strings = useNotebookStrings();
  const download = loadedBytes !== undefined && totalBytes ? strings.megabytesOf(megabytes(loadedBytes), megabytes(totalBytes)) : undefined;
  const downloading = status === 'loading' && download !== undefined && loadedBytes !== totalBytes;
  return (
    <div className="flex items-center gap-3 text-sm text-slate-600 dark:text-slate-300" role="status" aria-label={strings.kernelStatus}>
      <span
        aria-hidden
        className={`inline-block size-2 rounded-full ${status === 'ready' ? 'bg-emerald-500' : status === 'busy' ? 'bg-amber-500' : status === 'dead' ? 'bg-rose-500' : 'bg-slate-300'}`}
      />
      <span>
        {error
          ? strings.kernelFailed(error)
          : downloading && loadedBytes !== undefined && totalBytes
            ? strings.loadingPythonBytes(megabytes(loadedBytes), megabytes(totalBytes))
            : strings.kernel[status]}
      </span>
      {status === 'loading' ? (
        <progress
          className="h-1.5 w-32 accent-indigo-600"
          aria-label={strings.loadingPython}
          {...(download !== undefined && totalBytes
            ? { max: totalBytes, value: loadedBytes, 'aria-valuetext': download }
            : { max: 1, value: progress })}
        />
      ) : null}
    </div>
  );
}
