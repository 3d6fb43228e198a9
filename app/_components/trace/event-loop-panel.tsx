'use client';

import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { TraceStrings } from '@/app/_lib/i18n/trace-strings';
import type { Inspection } from '@/app/_components/notebook/notebook-store';
import { BytecodeView } from './bytecode-view';
import { busiestStep, stepsOf } from './loop-steps';
import { LoopStepsView } from './loop-steps-view';
import { TaskTreeView } from './task-tree-view';
import { laneLabel } from './timeline-layout';
import { TimelineView } from './timeline-view';

const tabs = ['timeline', 'steps', 'tree', 'bytecode'] as const;
type Tab = (typeof tabs)[number];

/**
 * The "Event loop" panel under a traced cell's output: Timeline, Loop steps, Task tree and
 * Bytecode tabs over what the run recorded. Loaded on demand (see trace-panel.tsx).
 */
export function EventLoopPanel({ cellId, inspection, words }: { cellId: string; inspection: Inspection; words: TraceStrings }) {
  const [tab, setTab] = useState<Tab>('timeline');
  const [step, setStep] = useState<number | null>(null);
  const id = useId();
  const tabRefs = useRef(new Map<Tab, HTMLButtonElement>());
  const { trace, bytecode } = inspection;
  const steps = useMemo(() => (trace ? stepsOf(trace) : []), [trace]);
  const names = useMemo(() => {
    const map = new Map<number, string>();
    for (const event of trace?.events ?? []) if (event.type === 'create') map.set(event.task, laneLabel(event));
    return map;
  }, [trace]);
  const capped = trace && trace.steps && steps.length >= trace.maxSteps && trace.maxSteps > 0 ? trace.maxSteps : null;
  const treeStep = step ?? busiestStep(steps);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.indexOf(tab);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const chosen = tabs[(next + tabs.length) % tabs.length] ?? 'timeline';
    setTab(chosen);
    tabRefs.current.get(chosen)?.focus();
  };

  return (
    <section aria-label={words.panelOf(cellId)} className="border-t border-slate-200 px-3 py-2 dark:border-slate-700">
      <h3 className="mb-1 text-sm font-semibold text-slate-800 dark:text-slate-100">{words.panel}</h3>
      {inspection.error ? (
        <p role="alert" className="my-0 mb-2 rounded bg-amber-50 px-2 py-1 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-100">
          {words.failed(inspection.error)}
        </p>
      ) : null}
      {trace?.note ? (
        <p role="note" className="my-0 mb-2 rounded bg-amber-50 px-2 py-1 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-100">
          {words.droppedNote(trace.note)}
        </p>
      ) : null}
      <div role="tablist" aria-label={words.panelOf(cellId)} onKeyDown={onKeyDown} className="mb-2 flex gap-1 border-b border-slate-200 dark:border-slate-700">
        {tabs.map((name) => (
          <button
            key={name}
            ref={(element) => {
              if (element) tabRefs.current.set(name, element);
            }}
            type="button"
            role="tab"
            id={`${id}-${name}`}
            aria-selected={tab === name}
            aria-controls={tab === name ? `${id}-${name}-panel` : undefined}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
            className={`-mb-px border-b-2 px-3 py-1 text-sm ${tab === name ? 'border-indigo-600 font-medium text-indigo-700 dark:border-indigo-400 dark:text-indigo-300' : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100'}`}
          >
            {words.tabs[name]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-${tab}-panel`} aria-labelledby={`${id}-${tab}`}>
        {tab === 'timeline' ? trace ? <TimelineView trace={trace} words={words} /> : <p className="my-0 text-sm">{words.steps.none}</p> : null}
        {tab === 'steps' ? <LoopStepsView steps={steps} index={step ?? 0} onIndex={setStep} taskNames={names} capped={capped} words={words} /> : null}
        {tab === 'tree' ? <TaskTreeView step={steps[treeStep]} stepCount={steps.length} coroNames={names} words={words} /> : null}
        {tab === 'bytecode' ? bytecode ? <BytecodeView bytecode={bytecode} words={words} /> : <p className="my-0 text-sm">{words.bytecode.none}</p> : null}
      </div>
    </section>
  );
}
