'use client';

import { createContext, useContext, useEffect, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { useKernel } from '@/app/_components/kernel/kernel-provider';
import type { Completions } from '@/runtime/browser/browser-kernel';
import { useLessonProgress } from '@/app/_components/progress/lesson-progress';
import { newestEdit, readLocalEdit, writeLocalEdit } from './code-persistence';
import { kernelRunCell, kernelRunCheck } from './kernel-runners';
import {
  NotebookStore,
  type CellSnapshot,
  type CheckSnapshot,
  type RegisterOptions,
  type RunCell,
  type ServerAvailability,
} from './notebook-store';
import { createServerKernel } from './server-kernel';
import { serverAvailability, serverRunCell, type ServerKernel } from './server-runner';

type NotebookContextValue = {
  store: NotebookStore;
  /** Registers a cell, restoring the learner's newest saved edit. */
  registerCell(id: string, originalCode: string, options?: Omit<RegisterOptions, 'code'>): void;
  editCode(id: string, code: string): void;
  resetCode(id: string): void;
  runAll(): void;
  /** Interrupts the running cell or check, in whichever kernel it runs. */
  interrupt(): void;
  /** "Check my answer": queues the exercise's code, then its check. */
  check(exerciseId: string, check: string, hintsUsed: number): void;
  /** Answers the `input()` a cell waits on; null sends end of file. */
  answerInput(id: string, line: string | null): void;
  restart(): Promise<void>;
  restartAndRunAll(): Promise<void>;
  registerFocus(id: string, focus: () => void): () => void;
  complete(code: string, cursor: number): Promise<Completions | null>;
  focusCell(id: string): boolean;
};

const NotebookContext = createContext<NotebookContextValue | null>(null);

export function NotebookProvider({ children }: { children: ReactNode }) {
  const { kernel } = useKernel();
  const progress = useLessonProgress();
  const { lessonId, loaded, saveCode } = progress;
  const focusers = useRef(new Map<string, () => void>());
  const latest = useRef({ kernel, progress });
  latest.current = { kernel, progress };
  const server = useRef<{ kernel: ServerKernel | null; interrupt: (() => void) | null; asked: boolean }>({
    kernel: null,
    interrupt: null,
    asked: false,
  });
  const hintsAtCheck = useRef(new Map<string, number>());

  const store = useMemo(() => {
    const serverKernel = () => (server.current.kernel ??= createServerKernel());
    const browserRun = kernelRunCell(() => latest.current.kernel());
    const serverRun = serverRunCell({
      lessonId,
      kernel: serverKernel,
      setup: (cellId) => created.serverSetup(cellId),
      availability: (availability) => created.setServerAvailability(availability),
      active: (interrupt) => (server.current.interrupt = interrupt),
    });
    const runCell: RunCell = (cell, events) => (cell.kernel === 'server' ? serverRun(cell, events) : browserRun(cell, events));
    const created = new NotebookStore(runCell, {
      onFinished: (cellId, status) => void latest.current.progress.recordRun(cellId, status),
      runCheck: kernelRunCheck(() => latest.current.kernel()),
      onChecked: (exerciseId, check) => recordCheck(exerciseId, check, hintsAtCheck.current.get(exerciseId) ?? 0),
    });
    const recordCheck = (exerciseId: string, check: CheckSnapshot, hintsUsed: number) => {
      if (check.state !== 'passed' && check.state !== 'failed' && check.state !== 'raised') return;
      latest.current.progress.recordExercise(exerciseId, { passed: check.state === 'passed', hintsUsed, errorType: check.errorType });
    };
    return created;
    // One store per lesson page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // When the server's copy of the learner's edits arrives, it replaces older local ones.
  useEffect(() => {
    if (!loaded) return;
    for (const cell of store.getCells()) {
      const saved = progress.progress.code[cell.id] ?? null;
      const chosen = newestEdit(readLocalEdit(lessonId, cell.id), saved);
      if (chosen && chosen === saved) store.setCode(cell.id, chosen.code);
    }
  }, [loaded, progress.progress.code, lessonId, store]);

  const value = useMemo<NotebookContextValue>(() => {
    const saveEdit = (id: string, code: string) => {
      const edit = { code, editedAt: new Date().toISOString() };
      writeLocalEdit(lessonId, id, edit);
      saveCode(id, code, edit.editedAt);
    };
    const askServer = () => {
      if (server.current.asked) return;
      server.current.asked = true;
      const kernel = (server.current.kernel ??= createServerKernel());
      void serverAvailability(kernel).then((availability) => store.setServerAvailability(availability));
    };
    return {
      store,
      registerCell(id, originalCode, options = {}) {
        store.register(id, originalCode, { ...options, code: readLocalEdit(lessonId, id)?.code ?? originalCode });
        if (options.kernel === 'server') askServer();
      },
      editCode(id, code) {
        store.setCode(id, code);
        saveEdit(id, code);
      },
      resetCode(id) {
        const cell = store.cell(id);
        if (!cell) return;
        store.setCode(id, cell.originalCode);
        saveEdit(id, cell.originalCode);
      },
      runAll: () => store.runAll(),
      interrupt() {
        const interruptServer = server.current.interrupt;
        if (interruptServer) interruptServer();
        else latest.current.kernel().interrupt();
      },
      check(exerciseId, check, hintsUsed) {
        hintsAtCheck.current.set(exerciseId, hintsUsed);
        store.check(exerciseId, check);
      },
      answerInput(id, line) {
        if (latest.current.kernel().provideInput(line)) store.inputAnswered(id, line);
      },
      async restart() {
        store.cancelQueued();
        await latest.current.kernel().restart();
      },
      async restartAndRunAll() {
        store.cancelQueued();
        await latest.current.kernel().restart();
        store.runAll();
      },
      complete: (code, cursor) => latest.current.kernel().complete(code, cursor),
      registerFocus(id, focus) {
        focusers.current.set(id, focus);
        return () => focusers.current.delete(id);
      },
      focusCell(id) {
        const focus = focusers.current.get(id);
        focus?.();
        return focus !== undefined;
      },
    };
  }, [lessonId, saveCode, store]);

  return <NotebookContext.Provider value={value}>{children}</NotebookContext.Provider>;
}

export function useNotebook(): NotebookContextValue {
  const value = useContext(NotebookContext);
  if (!value) throw new Error('useNotebook must be used inside <NotebookProvider>');
  return value;
}

export function useCellSnapshot(id: string): CellSnapshot | undefined {
  const { store } = useNotebook();
  return useSyncExternalStore(store.subscribe, () => store.cell(id), () => undefined);
}

export function useNotebookCells(): CellSnapshot[] {
  const { store } = useNotebook();
  return useSyncExternalStore(store.subscribe, store.getCells, store.getCells);
}

/** Whether a cell or an exercise check is running (what a toolbar's Interrupt can stop). */
export function useNotebookRunning(): boolean {
  const { store } = useNotebook();
  const running = () => store.runningId !== null;
  return useSyncExternalStore(store.subscribe, running, () => false);
}

export function useCheckSnapshot(exerciseId: string): CheckSnapshot | undefined {
  const { store } = useNotebook();
  return useSyncExternalStore(store.subscribe, () => store.checkOf(exerciseId), () => undefined);
}

export function useServerAvailability(): ServerAvailability {
  const { store } = useNotebook();
  return useSyncExternalStore(store.subscribe, store.getServerAvailability, store.getServerAvailability);
}
