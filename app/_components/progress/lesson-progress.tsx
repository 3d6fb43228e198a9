'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { z } from 'zod';

export type CellRunStatus = 'ok' | 'error' | 'interrupted' | 'timeout';

const lessonProgressSchema = z.object({
  startedAt: z.string().nullable(),
  cells: z.record(z.string(), z.object({ runs: z.number(), lastStatus: z.string(), lastRunAt: z.string() })),
  code: z.record(z.string(), z.object({ code: z.string(), editedAt: z.string() })),
});
export type LessonProgress = z.infer<typeof lessonProgressSchema>;

type LessonProgressContextValue = {
  lessonId: string;
  loaded: boolean;
  progress: LessonProgress;
  saveError: string | null;
  recordRun(cellId: string, status: CellRunStatus): Promise<void>;
  /** Sends a cell's code to the server a moment after the learner stops typing. */
  saveCode(cellId: string, code: string, editedAt: string): void;
};

const LessonProgressContext = createContext<LessonProgressContextValue | null>(null);
const empty: LessonProgress = { startedAt: null, cells: {}, code: {} };
const CODE_SAVE_DELAY_MS = 1_000;
const saveFailed = 'Your progress could not be saved. Check your connection; your edits are kept in this browser.';

async function fetchProgress(lessonId: string): Promise<LessonProgress> {
  const response = await fetch(`/api/progress?lessonId=${encodeURIComponent(lessonId)}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`loading progress failed: ${response.status}`);
  return lessonProgressSchema.parse(await response.json());
}

async function sendJson(method: 'POST' | 'PUT', url: string, body: unknown): Promise<boolean> {
  const response = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    keepalive: true,
  }).catch(() => null);
  return response?.ok ?? false;
}

export function LessonProgressProvider({ lessonId, children }: { lessonId: string; children: ReactNode }) {
  const [progress, setProgress] = useState<LessonProgress>(empty);
  const [loaded, setLoaded] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const pendingCode = useRef(new Map<string, { code: string; editedAt: string; timer: ReturnType<typeof setTimeout> }>());

  useEffect(() => {
    let cancelled = false;
    fetchProgress(lessonId)
      .then((fresh) => !cancelled && setProgress(fresh))
      .catch((error: unknown) => !cancelled && setSaveError(`Your saved progress could not be loaded (${String(error)}).`))
      .finally(() => !cancelled && setLoaded(true));
    return () => {
      cancelled = true;
    };
  }, [lessonId]);

  const flushCode = useCallback(
    async (cellId: string) => {
      const pending = pendingCode.current.get(cellId);
      if (!pending) return;
      pendingCode.current.delete(cellId);
      clearTimeout(pending.timer);
      const ok = await sendJson('PUT', '/api/progress/code', { lessonId, cellId, code: pending.code, editedAt: pending.editedAt });
      setSaveError(ok ? null : saveFailed);
    },
    [lessonId],
  );

  // Edits still waiting for their delay are sent when the learner leaves the page.
  useEffect(() => {
    const pending = pendingCode.current;
    const flushAll = () => [...pending.keys()].forEach((cellId) => void flushCode(cellId));
    window.addEventListener('pagehide', flushAll);
    return () => {
      window.removeEventListener('pagehide', flushAll);
      flushAll();
    };
  }, [flushCode]);

  const saveCode = useCallback(
    (cellId: string, code: string, editedAt: string) => {
      const previous = pendingCode.current.get(cellId);
      if (previous) clearTimeout(previous.timer);
      const timer = setTimeout(() => void flushCode(cellId), CODE_SAVE_DELAY_MS);
      pendingCode.current.set(cellId, { code, editedAt, timer });
    },
    [flushCode],
  );

  // Runs are recorded one after another, in the order they finished.
  const writes = useRef<Promise<void>>(Promise.resolve());
  const recordRun = useCallback(
    (cellId: string, status: CellRunStatus) => {
      const write = async () => {
        await flushCode(cellId);
        if (!(await sendJson('POST', '/api/progress', { lessonId, cellId, status }))) {
          setSaveError(saveFailed);
          return;
        }
        setSaveError(null);
        const fresh = await fetchProgress(lessonId).catch(() => null);
        if (fresh) setProgress((current) => ({ ...fresh, code: current.code }));
      };
      writes.current = writes.current.then(write, write);
      return writes.current;
    },
    [flushCode, lessonId],
  );

  const value = useMemo(
    () => ({ lessonId, loaded, progress, saveError, recordRun, saveCode }),
    [lessonId, loaded, progress, saveError, recordRun, saveCode],
  );
  return <LessonProgressContext.Provider value={value}>{children}</LessonProgressContext.Provider>;
}

export function useLessonProgress(): LessonProgressContextValue {
  const value = useContext(LessonProgressContext);
  if (!value) throw new Error('useLessonProgress must be used inside <LessonProgressProvider>');
  return value;
}

export function LessonProgressBadge() {
  const { loaded, progress, saveError } = useLessonProgress();
  const started = progress.startedAt !== null;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" aria-live="polite">
      <span
        className={`rounded-full px-2.5 py-0.5 font-medium ${started ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200' : 'bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300'}`}
      >
        {!loaded ? 'Loading progress…' : started ? 'Started' : 'Not started'}
      </span>
      {saveError ? (
        <span role="alert" className="text-rose-700 dark:text-rose-300">
          {saveError}
        </span>
      ) : null}
    </div>
  );
}
