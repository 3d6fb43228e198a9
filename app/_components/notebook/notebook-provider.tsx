'use client';

import { createContext, useContext, useEffect, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { useKernel } from '@/app/_components/kernel/kernel-provider';
import { useLessonProgress } from '@/app/_components/progress/lesson-progress';
import { newestEdit, readLocalEdit, writeLocalEdit } from './code-persistence';
import { NotebookStore, type CellSnapshot, type OutputChunk, type RunCell } from './notebook-store';

type NotebookContextValue = {
  store: NotebookStore;
  /** Registers a cell, restoring the learner's newest saved edit. */
  registerCell(id: string, originalCode: string): void;
  editCode(id: string, code: string): void;
  resetCode(id: string): void;
  runAll(): void;
  interrupt(): void;
  restart(): Promise<void>;
  restartAndRunAll(): Promise<void>;
  registerFocus(id: string, focus: () => void): () => void;
  focusCell(id: string): boolean;
};

const NotebookContext = createContext<NotebookContextValue | null>(null);

function describeFinish(status: string, timeoutSeconds: number): OutputChunk[] {
  if (status !== 'timeout') return [];
  return [
    {
      kind: 'notice',
      text: `The cell ran longer than ${timeoutSeconds} s and ignored the interrupt, so Python was restarted: variables from earlier cells are gone.`,
    },
  ];
}

const CELL_TIME_LIMIT_MS = 30_000;

export function NotebookProvider({ children }: { children: ReactNode }) {
  const { kernel } = useKernel();
  const { lessonId, progress, loaded, recordRun, saveCode } = useLessonProgress();
  const focusers = useRef(new Map<string, () => void>());
  const latest = useRef({ kernel, recordRun, saveCode });
  latest.current = { kernel, recordRun, saveCode };

  const store = useMemo(() => {
    const runCell: RunCell = async (cellId, code, onOutput) => {
      const result = await latest.current.kernel().run(code, {
        cellId,
        timeoutMs: CELL_TIME_LIMIT_MS,
        onStream: (name, text) => onOutput({ kind: name, text }),
      });
      const chunks: OutputChunk[] = [];
      if (result.value !== undefined) chunks.push({ kind: 'result', text: result.value });
      if (result.error) chunks.push({ kind: 'error', text: result.error.traceback || `${result.error.type}: ${result.error.message}` });
      chunks.push(...describeFinish(result.status, CELL_TIME_LIMIT_MS / 1000));
      return { status: result.status, executionCount: result.executionCount, durationMs: result.durationMs, chunks };
    };
    return new NotebookStore(runCell, (cellId, status) => void latest.current.recordRun(cellId, status));
  }, []);

  // When the server's copy of the learner's edits arrives, it replaces older local ones.
  useEffect(() => {
    if (!loaded) return;
    for (const cell of store.getCells()) {
      const server = progress.code[cell.id] ?? null;
      const chosen = newestEdit(readLocalEdit(lessonId, cell.id), server);
      if (chosen && chosen === server) store.setCode(cell.id, chosen.code);
    }
  }, [loaded, progress.code, lessonId, store]);

  const value = useMemo<NotebookContextValue>(() => {
    const saveEdit = (id: string, code: string) => {
      const edit = { code, editedAt: new Date().toISOString() };
      writeLocalEdit(lessonId, id, edit);
      latest.current.saveCode(id, code, edit.editedAt);
    };
    return {
      store,
      registerCell(id, originalCode) {
        store.register(id, originalCode, readLocalEdit(lessonId, id)?.code ?? originalCode);
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
      interrupt: () => latest.current.kernel().interrupt(),
      async restart() {
        store.cancelQueued();
        await latest.current.kernel().restart();
      },
      async restartAndRunAll() {
        store.cancelQueued();
        await latest.current.kernel().restart();
        store.runAll();
      },
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
  }, [lessonId, store]);

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
