'use client';

import type { TraceStrings } from '@/app/_lib/i18n/trace-strings';
import type { StepEvent } from '@/runtime/trace/trace-schema';
import { diffSteps, type ReadyEntry, type TimerEntry } from './loop-steps';
import { formatDuration } from './timeline-scale';

type Props = {
  steps: StepEvent[];
  index: number;
  onIndex(index: number): void;
  /** Task names by number ("Task-2 fetch()"). */
  taskNames: Map<number, string>;
  capped: number | null;
  words: TraceStrings;
};


/** One loop iteration at a time: the ready queue and the timer heap, with what changed marked. */
export function LoopStepsView({ steps, index, onIndex, taskNames, capped, words }: Props) {
  const t = words.steps;
  const step = steps[index];
  if (!step) return <p className="my-0 text-sm">{t.none}</p>;
  const diff = diffSteps(steps[index - 1], step);
  const owner = (task: number | undefined) => (task === undefined ? '' : ` → ${taskNames.get(task) ?? `#${task}`}`);
  const readyText = (entry: ReadyEntry) => `${entry.name}${owner(entry.task)}${entry.cancelled ? ' ✕' : ''}`;
  const timerText = (timer: TimerEntry) => `${timer.name}${owner(timer.task)} · ${t.due(formatDuration(timer.due))}`;
  const button = 'rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';

  return (
    <div className="space-y-3 text-sm">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <button type="button" className={button} onClick={() => onIndex(index - 1)} disabled={index === 0}>
          {t.previous}
        </button>
        <button type="button" className={button} onClick={() => onIndex(index + 1)} disabled={index >= steps.length - 1}>
          {t.next}
        </button>
        <input
          type="range"
          min={0}
          max={steps.length - 1}
          value={index}
          aria-label={t.slider}
          aria-valuetext={t.iterationOf(step.n, steps.length)}
          onChange={(event) => onIndex(Number(event.target.value))}
          className="w-48 accent-indigo-600"
        />
        <output aria-live="polite" className="font-medium">
          {t.iterationOf(step.n, steps.length)} · {t.at(formatDuration(step.t))}
        </output>
      </div>
      {capped !== null ? <p className="my-0 text-xs text-slate-500 dark:text-slate-400">{t.capped(capped)}</p> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <EntryList
          title={t.ready}
          entries={step.ready.map((entry, i) => ({ text: readyText(entry), added: diff.readyAdded[i] ?? false }))}
          removed={diff.readyRemoved.map(readyText)}
          more={step.readyMore}
          words={words}
        />
        <EntryList
          title={t.timers}
          entries={step.timers.map((timer, i) => ({ text: timerText(timer), added: diff.timersAdded[i] ?? false }))}
          removed={diff.timersRemoved.map(timerText)}
          more={step.timersMore}
          words={words}
        />
      </div>
    </div>
  );
}

type ListProps = { title: string; entries: { text: string; added: boolean }[]; removed: string[]; more: number; words: TraceStrings };

function EntryList({ title, entries, removed, more, words }: ListProps) {
  const t = words.steps;
  return (
    <section aria-label={title} className="rounded border border-slate-200 p-2 dark:border-slate-700">
      <h4 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">{title}</h4>
      {entries.length === 0 ? <p className="my-0 text-xs text-slate-500 italic dark:text-slate-400">{t.empty}</p> : null}
      <ol aria-label={title} className="my-1 list-decimal space-y-0.5 pl-6 font-mono text-xs">
        {entries.map((entry, i) => (
          <li
            key={i}
            data-added={entry.added ? 'true' : undefined}
            className={`leading-5 ${entry.added ? 'rounded bg-emerald-100 px-1 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100' : 'px-1'}`}
          >
            {entry.added ? <span className="mr-1 font-sans font-semibold">{t.added}:</span> : null}
            {entry.text}
          </li>
        ))}
      </ol>
      {more > 0 ? <p className="my-0 mt-1 text-xs">{t.more(more)}</p> : null}
      {removed.length > 0 ? (
        <div className="mt-2">
          <p className="my-0 text-xs text-slate-500 dark:text-slate-400">{t.goneHeading}</p>
          <ul aria-label={`${title}: ${t.goneHeading}`} className="my-1 list-none pl-0 font-mono text-xs text-slate-500 dark:text-slate-400">
            {removed.map((text, i) => (
              <li key={i} className="px-1 leading-5 line-through">
                <span className="sr-only">{t.gone}: </span>
                {text}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
