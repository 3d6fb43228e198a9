'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import type { TraceStrings } from '@/app/_lib/i18n/trace-strings';
import type { Trace } from '@/runtime/trace/trace-schema';
import { TimelineChart, type Hovered } from './timeline-chart';
import { tableRows } from './timeline-describe';
import { layoutTimeline } from './timeline-layout';
import { formatDuration, fullView, isFullView, panView, zoomView, type View } from './timeline-scale';

/** Lanes drawn before "Show all tasks": a cell that makes 10,000 tasks stays quick to draw. */
const LANE_LIMIT = 30;
const TABLE_LIMIT = 500;

/** The timeline tab: zoom controls, the swimlane chart with its tooltip, and a table alternative. */
export function TimelineView({ trace, words }: { trace: Trace; words: TraceStrings }) {
  const layout = useMemo(() => layoutTimeline(trace), [trace]);
  const [view, setView] = useState<View>(() => fullView(trace.duration));
  const [allTasks, setAllTasks] = useState(false);
  const [table, setTable] = useState(false);
  const [hovered, setHovered] = useState<Hovered>(null);
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(720);

  useEffect(() => setView(fullView(trace.duration)), [trace]);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.max(320, Math.floor(entry.contentRect.width))));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const lanes = useMemo(() => {
    const tasks = allTasks ? layout.tasks : layout.tasks.slice(0, LANE_LIMIT);
    return [
      { key: 'loop', label: words.loopLane, items: layout.loop.items },
      ...tasks.map((lane) => ({ key: `task-${lane.task}`, label: lane.label, items: lane.items })),
    ];
  }, [layout, allTasks, words]);
  const hiddenTasks = layout.tasks.length - (lanes.length - 1);
  const rows = useMemo(() => (table ? tableRows(layout, words, TABLE_LIMIT) : null), [table, layout, words]);
  const zoomed = !isFullView(view, trace.duration);
  const button = 'rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <span data-testid="trace-total" className="font-medium text-slate-800 dark:text-slate-100">
          {words.total(formatDuration(trace.duration))}
        </span>
        {layout.blockedFor > 0 ? (
          <span className="rounded bg-rose-100 px-1.5 font-medium text-rose-800 dark:bg-rose-950/60 dark:text-rose-200">{words.blockedFor(formatDuration(layout.blockedFor))}</span>
        ) : null}
        <span className="grow" />
        <button type="button" className={button} onClick={() => setView(zoomView(view, 2, trace.duration))}>
          {words.zoomIn}
        </button>
        <button type="button" className={button} onClick={() => setView(zoomView(view, 0.5, trace.duration))} disabled={!zoomed}>
          {words.zoomOut}
        </button>
        <button type="button" className={button} onClick={() => setView(fullView(trace.duration))} disabled={!zoomed}>
          {words.resetZoom}
        </button>
        <button type="button" className={button} onClick={() => setView(panView(view, -0.5, trace.duration))} disabled={!zoomed || view.start <= 0}>
          {words.earlier}
        </button>
        <button type="button" className={button} onClick={() => setView(panView(view, 0.5, trace.duration))} disabled={!zoomed || view.end >= trace.duration}>
          {words.later}
        </button>
      </div>
      <p className="my-0 text-xs text-slate-500 dark:text-slate-400">{words.zoomHint}</p>
      <div ref={box} className="relative rounded border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
        <TimelineChart layout={layout} lanes={lanes} view={view} onView={setView} width={width} words={words} onHover={setHovered} />
        {hovered ? (
          <div
            role="tooltip"
            className="pointer-events-none absolute z-10 max-w-xs rounded border border-slate-300 bg-white px-2 py-1 text-xs shadow-lg dark:border-slate-600 dark:bg-slate-800"
            style={{ left: Math.min(hovered.x, Math.max(width - 260, 0)), top: hovered.y }}
          >
            <div className="font-mono font-medium">{hovered.words.lane}</div>
            <div className={hovered.words.blocking ? 'font-semibold text-rose-700 dark:text-rose-300' : ''}>{hovered.words.what}</div>
            <div>
              {words.detail.start} {hovered.words.start} · {words.detail.duration} {hovered.words.duration}
            </div>
            {hovered.words.details ? <div className="text-slate-600 dark:text-slate-300">{hovered.words.details}</div> : null}
          </div>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-3 text-xs">
        {hiddenTasks > 0 ? (
          <>
            <span>{words.moreTasks(hiddenTasks)}</span>
            <button type="button" className={button} onClick={() => setAllTasks(true)}>
              {words.showAllTasks}
            </button>
          </>
        ) : null}
        <button type="button" className={button} aria-expanded={table} onClick={() => setTable(!table)}>
          {table ? words.hideTable : words.showTable}
        </button>
      </div>
      {rows ? (
        <div role="region" aria-label={words.tableCaption} tabIndex={0} className="max-h-80 overflow-auto rounded border border-slate-200 dark:border-slate-700">
          <table className="w-full text-left text-xs">
            <caption className="px-2 py-1 text-left text-slate-500 dark:text-slate-400">{words.tableCaption}</caption>
            <thead className="bg-slate-50 dark:bg-slate-800">
              <tr>
                {[words.detail.lane, words.detail.what, words.detail.start, words.detail.duration, words.detail.details].map((heading) => (
                  <th key={heading} scope="col" className="px-2 py-1 font-medium">
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.rows.map((row) => (
                <tr key={row.key} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="px-2 py-0.5 font-mono">{row.lane}</td>
                  <td className={`px-2 py-0.5 ${row.blocking ? 'font-semibold text-rose-700 dark:text-rose-300' : ''}`}>{row.what}</td>
                  <td className="px-2 py-0.5 tabular-nums">{row.start}</td>
                  <td className="px-2 py-0.5 tabular-nums">{row.duration}</td>
                  <td className="px-2 py-0.5">{row.details}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.more > 0 ? <p className="my-0 px-2 py-1 text-xs">{words.steps.more(rows.more)}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
