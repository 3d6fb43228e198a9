'use client';

import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { BrowserKernel, type KernelStatus } from '@/runtime/browser/browser-kernel';

type KernelState = { status: KernelStatus | 'idle'; stage?: string; progress?: number; error?: string };

type KernelContextValue = KernelState & { kernel(): BrowserKernel };

const KernelContext = createContext<KernelContextValue | null>(null);

const kernelAssets = { frameUrl: '/kernel/frame.html', pyodideBaseUrl: '/pyodide/' };

/** One kernel per lesson page, started when the browser is idle or on the first run. */
export function KernelProvider({ children }: { children: ReactNode }) {
  const kernelRef = useRef<BrowserKernel | null>(null);
  const [state, setState] = useState<KernelState>({ status: 'idle' });

  const value = useMemo<KernelContextValue>(() => {
    const kernel = () => {
      if (!kernelRef.current) {
        const created = new BrowserKernel(kernelAssets);
        created.onStatus((status, detail) => setState({ status, stage: detail?.stage, progress: detail?.progress }));
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
    const start = () => value.kernel();
    // Safari has no requestIdleCallback.
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(start, { timeout: 2000 });
      return () => window.cancelIdleCallback(handle);
    }
    const handle = setTimeout(start, 500);
    return () => clearTimeout(handle);
    // Start once per page; `value` changes with every status update.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => () => kernelRef.current?.dispose(), []);

  return <KernelContext.Provider value={value}>{children}</KernelContext.Provider>;
}

export function useKernel(): KernelContextValue {
  const value = useContext(KernelContext);
  if (!value) throw new Error('useKernel must be used inside <KernelProvider>');
  return value;
}

const statusLabels: Record<KernelState['status'], string> = {
  idle: 'Python not started',
  loading: 'Starting Python…',
  ready: 'Python ready',
  busy: 'Python running',
  dead: 'Python stopped',
};

export function KernelStatusBar() {
  const { status, stage, progress, error } = useKernel();
  return (
    <div className="flex items-center gap-3 text-sm text-slate-600 dark:text-slate-300" role="status" aria-label="Kernel status">
      <span
        aria-hidden
        className={`inline-block size-2 rounded-full ${status === 'ready' ? 'bg-emerald-500' : status === 'busy' ? 'bg-amber-500' : status === 'dead' ? 'bg-rose-500' : 'bg-slate-300'}`}
      />
      <span>{error ? `Python could not start: ${error}` : statusLabels[status]}</span>
      {status === 'loading' ? (
        <progress
          className="h-1.5 w-32 accent-indigo-600"
          aria-label={stage ? `Loading Python: ${stage}` : 'Loading Python'}
          max={1}
          value={progress}
        />
      ) : null}
    </div>
  );
}
