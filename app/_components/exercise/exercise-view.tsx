'use client';

import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Cell } from '@/app/_components/cell/cell';
import { useLessonStrings } from '@/app/_components/lesson/lesson-language';
import { useCheckSnapshot, useNotebook } from '@/app/_components/notebook/notebook-provider';
import { useLessonProgress } from '@/app/_components/progress/lesson-progress';
import { CheckResult } from './check-result';
import { ExerciseContext, type ExerciseContextValue } from './exercise-context';

export type ExerciseViewProps = {
  id: string;
  title: string;
  starter: string;
  check: string;
  timeout?: string;
  hintCount: number;
  prose: ReactNode;
  hints: ReactNode;
  solution: ReactNode;
};

/** An exercise: the task, an editable cell (id = exercise id), "Check my answer", hints, solution. */
export function ExerciseView({ id, title, starter, check, timeout, hintCount, prose, hints, solution }: ExerciseViewProps) {
  const notebook = useNotebook();
  const strings = useLessonStrings();
  const result = useCheckSnapshot(id);
  const { progress, recordHint } = useLessonProgress();
  const saved = progress.exercises[id];
  const [revealed, setRevealed] = useState(0);
  const [justRevealed, setJustRevealed] = useState<number | null>(null);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  // Hints revealed on an earlier visit stay revealed.
  const savedHints = Math.min(saved?.hintsUsed ?? 0, hintCount);
  useEffect(() => setRevealed((current) => Math.max(current, savedHints)), [savedHints]);

  const context = useMemo<ExerciseContextValue>(
    () => ({
      exerciseId: id,
      hintCount,
      revealed,
      justRevealed,
      applySolution(code) {
        notebook.editCode(id, code);
        notebook.focusCell(id);
      },
    }),
    [id, hintCount, revealed, justRevealed, notebook],
  );

  function revealHint() {
    const next = Math.min(revealed + 1, hintCount);
    setRevealed(next);
    setJustRevealed(next - 1);
    recordHint(id, next);
  }

  const checking = result?.state === 'queued' || result?.state === 'running';
  const headingId = `exercise-${id}`;

  return (
    <ExerciseContext.Provider value={context}>
      <section
        aria-labelledby={headingId}
        className="my-8 rounded-xl border-2 border-indigo-200 bg-indigo-50/40 px-4 py-3 dark:border-indigo-800 dark:bg-indigo-950/20"
      >
        <h3 id={headingId} className="!mt-1 text-lg font-semibold text-slate-900 dark:text-slate-50">
          <span className="mr-2 rounded bg-indigo-600 px-1.5 py-0.5 text-xs font-semibold tracking-wide text-white uppercase">
            {strings.exercise}
          </span>
          {title}
          {saved?.passed ? (
            <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200">
              {strings.passed}
            </span>
          ) : null}
        </h3>
        {prose}
        <Cell id={id} code={starter} timeout={timeout} />
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={() => notebook.check(id, check, revealed)}
            disabled={!hydrated || checking}
            className="rounded bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-800 disabled:opacity-60"
          >
            {strings.checkMyAnswer}
          </button>
          <CheckResult title={title} result={result} />
        </div>
        <div aria-live="polite">{hints}</div>
        {revealed < hintCount ? (
          <button type="button" className="cell-action mt-3 text-sm" onClick={revealHint} disabled={!hydrated}>
            {strings.showHint(revealed + 1, hintCount)}
          </button>
        ) : null}
        {solution}
      </section>
    </ExerciseContext.Provider>
  );
}
