'use client';

import { useState, type ReactNode } from 'react';
import { useLessonStrings } from '@/app/_components/lesson/lesson-language';
import { useExercise } from './exercise-context';

type Stage = 'hidden' | 'confirming' | 'shown';

/** The exercise's solution, shown only when the learner asks twice; it can replace their code. */
export function Solution({ code, children }: { code: string; children?: ReactNode }) {
  const { exerciseId, applySolution } = useExercise('Solution');
  const strings = useLessonStrings();
  const [stage, setStage] = useState<Stage>('hidden');
  const [used, setUsed] = useState(false);

  if (stage === 'hidden') {
    return (
      <div className="mt-4">
        <button type="button" className="cell-action text-sm" onClick={() => setStage('confirming')}>
          {strings.showSolution}
        </button>
      </div>
    );
  }
  if (stage === 'confirming') {
    return (
      <div role="group" aria-label={strings.showSolution} className="mt-4 flex flex-wrap items-center gap-3 text-sm">
        <p className="!my-0">{strings.revealQuestion}</p>
        <button type="button" className="cell-action" onClick={() => setStage('shown')} autoFocus>
          {strings.revealConfirm}
        </button>
        <button type="button" className="cell-action" onClick={() => setStage('hidden')}>
          {strings.revealCancel}
        </button>
      </div>
    );
  }
  return (
    <section aria-label={strings.solution} className="mt-4 rounded-md border border-emerald-200 dark:border-emerald-800">
      <h4 className="border-b border-emerald-200 bg-emerald-50 px-3 py-1.5 text-sm font-semibold text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-100">
        {strings.solution}
      </h4>
      <pre className="!my-0 overflow-x-auto p-3 font-mono text-sm leading-6" data-testid={`solution-${exerciseId}`}>
        <code>{code}</code>
      </pre>
      {children ? <div className="px-3">{children}</div> : null}
      <div className="flex items-center gap-3 px-3 pb-3 text-sm">
        <button
          type="button"
          className="cell-action"
          onClick={() => {
            applySolution(code);
            setUsed(true);
          }}
        >
          {strings.useSolution}
        </button>
        {used ? <span role="status">{strings.solutionUsed}</span> : null}
      </div>
    </section>
  );
}
