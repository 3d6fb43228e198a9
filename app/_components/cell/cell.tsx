'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useLessonStrings, useNotebookStrings } from '@/app/_components/lesson/lesson-language';
import { useCellSnapshot, useNotebook, useServerAvailability } from '@/app/_components/notebook/notebook-provider';
import type { CellState } from '@/app/_components/notebook/notebook-store';
import { useLessonProgress } from '@/app/_components/progress/lesson-progress';
import { CellOutput } from './cell-output';
import { InputPrompt } from './input-prompt';
import { useLazyEditor } from './lazy-editor';
import { PlainCode, type Caret } from './plain-code';
import { ServerCellStatus, serverReasonId } from './server-cell-status';
import { TracePanel } from '@/app/_components/trace/trace-panel';

function formatElapsed(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** C1's props: all strings, as MDX attributes are. */
export type CellProps = { id: string; code: string; timeout?: string; kernel?: string; setup?: string; expect?: string; trace?: string };

/** A runnable Python cell. The code is server-rendered as plain text; CodeMirror loads when a learner reaches for it. */
export function Cell({ id, code, timeout, kernel, setup, expect, trace }: CellProps) {
  const notebook = useNotebook();
  const cell = useCellSnapshot(id);
  const onServer = kernel === 'server';
  const availability = useServerAvailability();
  const serverStrings = useLessonStrings().server;
  const words = useNotebookStrings();
  const serverBlocked = onServer && availability.state === 'unavailable';
  const { progress } = useLessonProgress();
  const Editor = useLazyEditor();
  const caret = useRef<Caret>({ from: 0, to: 0, focused: false });
  const runButton = useRef<HTMLButtonElement>(null);
  // The server-rendered button stays disabled until React can handle its click, so no click is lost.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  useEffect(
    () =>
      notebook.registerCell(id, code, {
        timeoutMs: timeout === undefined ? undefined : Number(timeout) * 1000,
        kernel: onServer ? 'server' : 'browser',
        setup: onServer && setup === 'true',
        expectError: expect === 'error',
        trace: trace === 'true',
      }),
    [notebook, id, code, timeout, onServer, setup, expect, trace],
  );

  const run = useCallback(() => notebook.store.run(id), [notebook, id]);
  const runAndAdvance = useCallback(() => {
    notebook.store.run(id);
    const next = notebook.store.nextCellId(id);
    if (next) notebook.focusCell(next);
  }, [notebook, id]);
  const onReady = useCallback((focus: () => void) => notebook.registerFocus(id, focus), [notebook, id]);
  const onChange = useCallback((next: string) => notebook.editCode(id, next), [notebook, id]);
  const leave = useCallback(() => runButton.current?.focus(), []);

  const state = cell?.state ?? 'idle';
  const active = state === 'running' || state === 'queued';
  const modified = cell !== undefined && cell.code !== cell.originalCode;
  const saved = progress.cells[id];
  const count = active ? '*' : (cell?.executionCount ?? ' ');

  return (
    <section
      aria-label={words.cellName(id)}
      data-state={state}
      data-kernel={onServer ? 'server' : 'browser'}
      className="my-6 overflow-hidden rounded-lg border border-slate-200 shadow-sm dark:border-slate-700"
    >
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 border-b border-slate-200 bg-slate-50 px-3 py-1.5 dark:border-slate-700 dark:bg-slate-800/60">
        <div className="flex items-center gap-2 font-mono text-xs text-slate-500 dark:text-slate-400">
          <span aria-label={words.executionCount(String(count).trim() || words.none)}>[{count}]</span>
          <span>{id}</span>
          {modified ? <span className="rounded bg-amber-100 px-1.5 text-amber-800 dark:bg-amber-900/50 dark:text-amber-200">{words.modified}</span> : null}
        </div>
        <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
          {state !== 'idle' ? (
            <span data-testid="cell-state">
              {cell?.elapsedMs != null && !active ? words.stateIn(words.state[state], formatElapsed(cell.elapsedMs)) : words.state[state]}
            </span>
          ) : null}
          <span data-testid="cell-progress" className="hidden sm:inline">
            {saved ? words.runs(saved.runs, saved.lastStatus) : words.notRunYet}
          </span>
          {modified ? (
            <button type="button" className="cell-action" onClick={() => notebook.resetCode(id)} aria-label={words.resetCell(id)}>
              {words.reset}
            </button>
          ) : null}
          {!onServer ? (
            <button
              type="button"
              className="cell-action aria-pressed:border-indigo-500 aria-pressed:bg-indigo-50 aria-pressed:text-indigo-800 dark:aria-pressed:bg-indigo-950 dark:aria-pressed:text-indigo-200"
              aria-pressed={cell?.trace ?? trace === 'true'}
              title={words.trace.toggleTitle}
              onClick={() => notebook.store.setTrace(id, !(cell?.trace ?? false))}
            >
              {words.trace.toggle}
            </button>
          ) : null}
          {state === 'running' ? (
            <button type="button" className="cell-action" onClick={notebook.interrupt} aria-label={words.interruptCell(id)}>
              {words.interrupt}
            </button>
          ) : null}
          <button
            ref={runButton}
            type="button"
            onClick={run}
            disabled={active || !hydrated || serverBlocked}
            aria-label={words.runCell(id)}
            aria-describedby={serverBlocked ? serverReasonId(id) : undefined}
            title={availability.state === 'unavailable' && onServer ? serverStrings.runDisabled(availability.reason) : undefined}
            className="rounded bg-indigo-600 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
          >
            {state === 'running' ? words.state.running : state === 'queued' ? words.state.queued : words.run}
          </button>
        </div>
      </div>
      {onServer ? <ServerCellStatus cellId={id} availability={availability} end={cell?.serverEnd ?? null} /> : null}
      {Editor ? (
        <Editor
          code={cell?.code ?? code}
          label={words.codeOf(id)}
          onChange={onChange}
          onRun={run}
          onRunAndAdvance={runAndAdvance}
          onLeave={leave}
          onReady={onReady}
          complete={notebook.complete}
          start={caret.current}
        />
      ) : (
        <PlainCode
          code={cell?.code ?? code}
          label={words.codeOf(id)}
          hydrated={hydrated}
          onChange={onChange}
          onRun={run}
          onRunAndAdvance={runAndAdvance}
          onLeave={leave}
          onReady={onReady}
          caret={caret}
        />
      )}
      <CellOutput cellId={id} chunks={cell?.outputs ?? []} running={state === 'running'} />
      {!onServer ? (
        <TracePanel cellId={id} on={cell?.trace ?? false} running={active} inspection={cell?.inspection ?? null} words={words.trace} />
      ) : null}
      {cell?.inputPrompt != null ? (
        <InputPrompt cellId={id} prompt={cell.inputPrompt} onAnswer={(line) => notebook.answerInput(id, line)} />
      ) : null}
    </section>
  );
}
