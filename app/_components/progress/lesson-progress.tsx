'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ProgressEvent } from '@/app/_lib/progress/events';
import { isLessonComplete } from '@/app/_lib/progress/merge';
import { newEventId } from './event-id';
import { ProgressOutbox, type OutboxStatus } from './progress-outbox';
import { applyEventsToView, emptyLessonProgress, lessonProgressSchema, type LessonProgress } from './progress-view';

export type { ExerciseProgress, LessonProgress } from './progress-view';
export { LessonProgressBadge } from './lesson-progress-badge';

export type CellRunStatus = 'ok' | 'error' | 'interrupted' | 'timeout';
export type ExerciseAttempt = { passed: boolean; hintsUsed: number; errorType: string | null };

type LessonProgressContextValue = {
  lessonId: string;
  /** The lesson's exercises: the lesson is complete when all of them passed. */
  exerciseIds: readonly string[];
  loaded: boolean;
  /** The server's copy with this browser's unsent events applied on top. */
  progress: LessonProgress;
  /** Unsent changes, whether the server is unreachable, and the last refusal. */
  sync: OutboxStatus;
  /** A message for the learner when progress is waiting or was refused; null when all is saved. */
  saveError: string | null;
  recordRun(cellId: string, status: CellRunStatus): Promise<void>;
  recordExercise(exerciseId: string, attempt: ExerciseAttempt): void;
  recordHint(exerciseId: string, hintsUsed: number): void;
  /** Sends a cell's code to the server a moment after the learner stops typing. */
  saveCode(cellId: string, code: string, editedAt: string): void;
};

const LessonProgressContext = createContext<LessonProgressContextValue | null>(null);
const CODE_SAVE_DELAY_MS = 1_000;
const idleSync: OutboxStatus = { pending: 0, offline: false, rejected: null };

async function fetchProgress(lessonId: string): Promise<LessonProgress> {
  const response = await fetch(`/api/progress?lessonId=${encodeURIComponent(lessonId)}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`loading progress failed: ${response.status}`);
  return lessonProgressSchema.parse(await response.json());
}

function syncMessage({ pending, offline, rejected }: OutboxStatus): string | null {
  if (rejected) return rejected;
  if (offline && pending > 0) {
    return `The server cannot be reached: ${pending} unsaved ${pending === 1 ? 'change is' : 'changes are'} kept in this browser and will be sent when the connection returns.`;
  }
  return null;
}

type ProviderProps = { lessonId: string; exerciseIds?: readonly string[]; children: ReactNode };

export function LessonProgressProvider({ lessonId, exerciseIds = [], children }: ProviderProps) {
  const [progress, setProgress] = useState<LessonProgress>(emptyLessonProgress);
  const [loaded, setLoaded] = useState(false);
  const [sync, setSync] = useState<OutboxStatus>(idleSync);
  const outbox = useRef<ProgressOutbox | null>(null);
  const view = useRef(progress);
  const pendingCode = useRef(new Map<string, { code: string; editedAt: string; timer: ReturnType<typeof setTimeout> }>());

  const show = useCallback((next: LessonProgress) => {
    view.current = next;
    setProgress(next);
  }, []);

  // The server's copy, with whatever this browser has not sent yet applied on top.
  const refresh = useCallback(async () => {
    const fresh = await fetchProgress(lessonId).catch(() => null);
    const base = fresh ?? view.current;
    const pending = fresh ? (outbox.current?.pendingEvents() ?? []) : [];
    show({ ...applyEventsToView(base, lessonId, pending), code: fresh?.code ?? view.current.code });
    return fresh !== null;
  }, [lessonId, show]);

  useEffect(() => {
    const box = new ProgressOutbox(() => void refresh());
    outbox.current = box;
    const unsubscribe = box.subscribe(setSync);
    let cancelled = false;
    void (async () => {
      const fresh = await fetchProgress(lessonId).catch(() => null);
      if (cancelled) return;
      show(applyEventsToView(fresh ?? emptyLessonProgress(), lessonId, box.pendingEvents()));
      setLoaded(true);
      void box.flush();
    })();
    return () => {
      cancelled = true;
      unsubscribe();
      box.dispose();
      outbox.current = null;
    };
  }, [lessonId, refresh, show]);

  const emit = useCallback(
    (events: ProgressEvent[]) => {
      show(applyEventsToView(view.current, lessonId, events));
      for (const event of events) outbox.current?.send(event);
    },
    [lessonId, show],
  );

  const base = useCallback(() => ({ id: newEventId(), lessonId, at: new Date().toISOString() }), [lessonId]);

  const recordRun = useCallback(
    (cellId: string, status: CellRunStatus) => {
      emit([{ ...base(), type: 'cell-run', cellId, status }]);
      return Promise.resolve();
    },
    [base, emit],
  );

  const recordExercise = useCallback(
    (exerciseId: string, { passed, hintsUsed, errorType }: ExerciseAttempt) => {
      const attempt: ProgressEvent = { ...base(), type: 'exercise-attempt', exerciseId, passed, hintsUsed, errorType: passed ? null : errorType };
      const after = applyEventsToView(view.current, lessonId, [attempt]);
      const completes = after.completedAt === null && isLessonComplete(exerciseIds, after.exercises);
      emit(completes ? [attempt, { ...base(), type: 'lesson-completed', exerciseIds: [...exerciseIds] }] : [attempt]);
    },
    [base, emit, exerciseIds, lessonId],
  );

  const recordHint = useCallback(
    (exerciseId: string, hintsUsed: number) => {
      if ((view.current.exercises[exerciseId]?.hintsUsed ?? 0) >= hintsUsed) return;
      emit([{ ...base(), type: 'hint', exerciseId, hintsUsed }]);
    },
    [base, emit],
  );

  const queueCode = useCallback(
    (cellId: string) => {
      const pending = pendingCode.current.get(cellId);
      if (!pending) return;
      pendingCode.current.delete(cellId);
      clearTimeout(pending.timer);
      outbox.current?.saveCode({ lessonId, cellId, code: pending.code, editedAt: pending.editedAt });
    },
    [lessonId],
  );

  // Edits still waiting for their delay go to the outbox (kept in localStorage) when the learner leaves.
  useEffect(() => {
    const pending = pendingCode.current;
    const queueAll = () => [...pending.keys()].forEach(queueCode);
    window.addEventListener('pagehide', queueAll);
    return () => {
      window.removeEventListener('pagehide', queueAll);
      queueAll();
    };
  }, [queueCode]);

  const saveCode = useCallback(
    (cellId: string, code: string, editedAt: string) => {
      const previous = pendingCode.current.get(cellId);
      if (previous) clearTimeout(previous.timer);
      const timer = setTimeout(() => queueCode(cellId), CODE_SAVE_DELAY_MS);
      pendingCode.current.set(cellId, { code, editedAt, timer });
    },
    [queueCode],
  );

  const value = useMemo<LessonProgressContextValue>(
    () => ({
      lessonId,
      exerciseIds,
      loaded,
      progress,
      sync,
      saveError: syncMessage(sync),
      recordRun,
      recordExercise,
      recordHint,
      saveCode,
    }),
    [lessonId, exerciseIds, loaded, progress, sync, recordRun, recordExercise, recordHint, saveCode],
  );
  return <LessonProgressContext.Provider value={value}>{children}</LessonProgressContext.Provider>;
}

export function useLessonProgress(): LessonProgressContextValue {
  const value = useContext(LessonProgressContext);
  if (!value) throw new Error('useLessonProgress must be used inside <LessonProgressProvider>');
  return value;
}
