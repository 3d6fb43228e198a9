'use client';

import { createContext, useContext, useEffect, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { useKernel } from '@/app/_components/kernel/kernel-provider';
import type { Completions, RunResult } from '@/runtime/browser/browser-kernel';
import { useLessonProgress } from '@/app/_components/progress/lesson-progress';
import { newestEdit, readLocalEdit, writeLocalEdit } from './code-persistence';
import { NotebookStore, type CellSnapshot, type OutputChunk, type RunCell } from './notebook-store';

type NotebookContextValue = {
  store: NotebookStore;
  /** Registers a cell, restoring the learner's newest saved edit. */
  registerCell(id: string, originalCode: string, timeoutMs?: number): void;
  editCode(id: string, code: string): void;
  resetCode(id: string): void;
  runAll(): void;
  interrupt(): void;
  /** Answers the `input()` a cell waits on; null sends end of file. */
  answerInput(id: string, line: string | null): void;
  restart(): Promise<void>;
  restartAndRunAll(): Promise<void>;
  registerFocus(id: string, focus: () => void): () => void;
  complete(code: string, cursor: number): Promise<Completions | null>;
  focusCell(id: string): boolean;
};

const NotebookContext = createContext<NotebookContextValue | null>(null);

/** What a learner needs to know after a time limit, beyond the kernel's own message. */
function timeLimitNotice(result: RunResult, timeoutSeconds: number): OutputChunk[] {
  if (result.status !== 'timeout') return [];
  const restarted = result.error?.type === 'TimeoutError';
  return [
    {
      kind: 'notice',
      text: restarted
        ? 'Python was restarted, so variables from earlier cells are gone: run the cells above again.'
        : `Stopped at the cell's ${timeoutSeconds} s time limit.`,
    },
  ];
}

export function NotebookProvider({ children }: { children: ReactNode }) {
  const { kernel } = useKernel();
  const { lessonId, progress, loaded, recordRun, saveCode } = useLessonProgress();
  const focusers = useRef(new Map<string, () => void>());
  const latest = useRef({ kernel, recordRun, saveCode });
  latest.current = { kernel, recordRun, saveCode };

  const store = useMemo(() => {
    const runCell: RunCell = async ({ id: cellId, code, timeoutMs }, events) => {
      const result = await latest.current.kernel().run(code, {
        cellId,
        timeoutMs,
        onStream: (name, text) => events.output({ kind: name, text }),
        onInputRequest: (prompt) => events.inputRequest(prompt),
        onNotice: (notice) => events.output({ kind: 'notice', text: `${notice.message}\n` }),
      });
      const chunks: OutputChunk[] = [];
      if (result.value !== undefined) chunks.push({ kind: 'result', text: result.value });
      if (result.error) chunks.push({ kind: 'error', text: result.error.traceback || `${result.error.type}: ${result.error.message}` });
      chunks.push(...timeLimitNotice(result, timeoutMs / 1000));
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
      registerCell(id, originalCode, timeoutMs) {
        store.register(id, originalCode, readLocalEdit(lessonId, id)?.code ?? originalCode, timeoutMs);
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
