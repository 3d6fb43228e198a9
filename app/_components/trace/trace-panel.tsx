'use client';

import dynamic from 'next/dynamic';
import type { Inspection } from '@/app/_components/notebook/notebook-store';
import type { TraceStrings } from '@/app/_lib/i18n/trace-strings';

function Loading() {
  return <p className="my-0 border-t border-slate-200 px-3 py-2 text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">…</p>;
}

// The panel (charts, layouts) loads only once a traced run has something to show.
const EventLoopPanel = dynamic(() => import('./event-loop-panel').then((module) => module.EventLoopPanel), { ssr: false, loading: Loading });

type Props = { cellId: string; on: boolean; running: boolean; inspection: Inspection | null; words: TraceStrings };

/** Under a cell: nothing when Trace is off and nothing was recorded, a hint before the first traced run, else the panel. */
export function TracePanel({ cellId, on, running, inspection, words }: Props) {
  if (inspection && !running) return <EventLoopPanel cellId={cellId} inspection={inspection} words={words} />;
  if (!on) return null;
  return (
    <p className="my-0 border-t border-slate-200 px-3 py-2 text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
      {running ? words.recording : words.runToSee}
    </p>
  );
}
