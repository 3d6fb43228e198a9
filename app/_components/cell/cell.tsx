'use client';

import { useCallback, useEffect, useRef, useState, type ComponentType } from 'react';
import { useKernel } from '@/app/_components/kernel/kernel-provider';
import { useLessonProgress, type CellRunStatus } from '@/app/_components/progress/lesson-progress';
import type { CodeEditorProps } from './code-editor';
import { CellOutput, type OutputChunk } from './cell-output';

type RunState = 'idle' | 'running' | CellRunStatus;

/** A runnable Python cell. The code is server-rendered as plain text; the editor loads after. */
export function Cell({ id, code }: { id: string; code: string }) {
  const { kernel } = useKernel();
  const { progress, recordRun } = useLessonProgress();
  const [Editor, setEditor] = useState<ComponentType<CodeEditorProps> | null>(null);
  const [outputs, setOutputs] = useState<OutputChunk[]>([]);
  const [runState, setRunState] = useState<RunState>('idle');
  const source = useRef(code);

  useEffect(() => {
    let cancelled = false;
    import('./code-editor').then((module) => !cancelled && setEditor(() => module.CodeEditor));
    return () => {
      cancelled = true;
    };
  }, []);

  const run = useCallback(async () => {
    if (runState === 'running') return;
    setRunState('running');
    setOutputs([]);
    const result = await kernel().run(source.current, {
      cellId: id,
      onStream: (name, text) => setOutputs((previous) => [...previous, { kind: name, text }]),
    });
    const finalChunks: OutputChunk[] = [];
    if (result.value !== undefined) finalChunks.push({ kind: 'result', text: result.value });
    if (result.error) finalChunks.push({ kind: 'error', text: result.error.traceback || `${result.error.type}: ${result.error.message}` });
    if (result.status === 'timeout') finalChunks.push({ kind: 'error', text: 'The cell ran past its time limit; Python was restarted.' });
    setOutputs((previous) => [...previous, ...finalChunks]);
    setRunState(result.status);
    await recordRun(id, result.status);
  }, [id, kernel, recordRun, runState]);

  const saved = progress.cells[id];
  const label = `Cell ${id}`;
  return (
    <section aria-label={label} className="my-6 overflow-hidden rounded-lg border border-slate-200 shadow-sm">
      <div className="flex items-center justify-between gap-3 border-b border-slate-200 bg-slate-50 px-3 py-1.5">
        <span className="font-mono text-xs text-slate-500">{id}</span>
        <div className="flex items-center gap-3">
          <span className="text-xs text-slate-500" data-testid="cell-progress">
            {saved ? `Run ${saved.runs} ${saved.runs === 1 ? 'time' : 'times'}, last ${saved.lastStatus}` : 'Not run yet'}
          </span>
          <button
            type="button"
            onClick={run}
            disabled={runState === 'running'}
            aria-label={`Run cell ${id}`}
            className="rounded bg-indigo-600 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
          >
            {runState === 'running' ? 'Running…' : 'Run'}
          </button>
        </div>
      </div>
      {Editor ? (
        <Editor initialCode={code} label={`Code of cell ${id}`} onChange={(next) => (source.current = next)} onRun={run} />
      ) : (
        <pre className="overflow-x-auto p-3 font-mono text-sm leading-6">
          <code>{code}</code>
        </pre>
      )}
      <CellOutput cellId={id} chunks={outputs} running={runState === 'running'} />
    </section>
  );
}
