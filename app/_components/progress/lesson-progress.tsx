'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { z } from 'zod';

export type CellRunStatus = 'ok' | 'error' | 'interrupted' | 'timeout';

const lessonProgressSchema = z.object({
  startedAt: z.string().nullable(),
  cells: z.record(z.string(), z.object({ runs: z.number(), lastStatus: z.string(), lastRunAt: z.string() })),
});
type LessonProgress = z.infer<typeof lessonProgressSchema>;

type LessonProgressContextValue = {
  lessonId: string;
  loaded: boolean;
  progress: LessonProgress;
  saveError: string | null;
  recordRun(cellId: string, status: CellRunStatus): Promise<void>;
};

const LessonProgressContext = createContext<LessonProgressContextValue | null>(null);
const empty: LessonProgress = { startedAt: null, cells: {} };

async function fetchProgress(lessonId: string): Promise<LessonProgress> {
  const response = await fetch(`/api/progress?lessonId=${encodeURIComponent(lessonId)}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`loading progress failed: ${response.status}`);
  return lessonProgressSchema.parse(await response.json());
}

export function LessonProgressProvider({ lessonId, children }: { lessonId: string; children: ReactNode }) {
  const [progress, setProgress] = useState<LessonProgress>(empty);
  const [loaded, setLoaded] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    fetchProgress(lessonId)
      .then((fresh) => !cancelled && setProgress(fresh))
      .catch((error: unknown) => !cancelled && setSaveError(String(error)))
      .finally(() => !cancelled && setLoaded(true));
    return () => {
      cancelled = true;
    };
  }, [lessonId]);

  const recordRun = useCallback(
    async (cellId: string, status: CellRunStatus) => {
      const response = await fetch('/api/progress', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ lessonId, cellId, status }),
      }).catch(() => null);
      if (!response?.ok) {
        setSaveError('Your progress could not be saved. Check your connection and run the cell again.');
        return;
      }
      setSaveError(null);
      setProgress(await fetchProgress(lessonId));
    },
    [lessonId],
  );

  const value = useMemo(
    () => ({ lessonId, loaded, progress, saveError, recordRun }),
    [lessonId, loaded, progress, saveError, recordRun],
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
        className={`rounded-full px-2.5 py-0.5 font-medium ${started ? 'bg-emerald-100 text-emerald-800' : 'bg-slate-100 text-slate-600'}`}
      >
        {!loaded ? 'Loading progress…' : started ? 'Started' : 'Not started'}
      </span>
      {saveError ? (
        <span role="alert" className="text-rose-700">
          {saveError}
        </span>
      ) : null}
    </div>
  );
}
