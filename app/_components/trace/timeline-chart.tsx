'use client';

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { TraceStrings } from '@/app/_lib/i18n/trace-strings';
import { describeItem, isBlocking, itemLabel, type ItemWords } from './timeline-describe';
import type { LaneItem, TimelineLayout } from './timeline-layout';
import { formatTime, panView, rangeView, ticks, toPixels, zoomView, type View } from './timeline-scale';

export const LABEL_WIDTH = 168;
const LANE_HEIGHT = 28;
const AXIS_HEIGHT = 26;
const BAR = 18;

type Lane = { key: string; label: string; items: LaneItem[] };
type Focused = { lane: number; index: number };
export type Hovered = { words: ItemWords; x: number; y: number } | null;

const fills: Record<LaneItem['kind'], string> = {
  run: 'fill-indigo-500 dark:fill-indigo-400',
  suspended: 'stroke-slate-400 dark:stroke-slate-500',
  queued: 'fill-amber-400 dark:fill-amber-300',
  callback: 'fill-teal-500 dark:fill-teal-400',
  idle: 'fill-slate-100 stroke-slate-300 dark:fill-slate-800 dark:stroke-slate-600',
  block: 'fill-rose-600 dark:fill-rose-500',
};

function shortLabel(item: LaneItem, words: TraceStrings): string {
  if (isBlocking(item)) return words.blocking;
  if (item.kind === 'suspended') return item.wait.kind === 'sleep' && item.wait.seconds !== undefined ? `sleep ${item.wait.seconds} s` : item.wait.kind;
  if (item.kind === 'idle') return words.kind.idle;
  return '';
}

type ChartProps = {
  layout: TimelineLayout;
  lanes: Lane[];
  view: View;
  onView(view: View): void;
  width: number;
  words: TraceStrings;
  onHover(hovered: Hovered): void;
};

/** The swimlanes as SVG: one tab stop; arrow keys move between items, each of which names itself. */
export function TimelineChart({ layout, lanes, view, onView, width, words, onHover }: ChartProps) {
  const chartWidth = Math.max(width - LABEL_WIDTH, 80);
  const height = AXIS_HEIGHT + lanes.length * LANE_HEIGHT + 4;
  const svg = useRef<SVGSVGElement>(null);
  const [focused, setFocused] = useState<Focused>({ lane: 0, index: 0 });
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const patternId = `hatch-${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const latest = useRef({ view, duration: layout.duration, chartWidth, onView });
  latest.current = { view, duration: layout.duration, chartWidth, onView };

  // Ctrl+wheel zooms around the pointer, a plain sideways (or Shift+) wheel pans: a non-passive listener.
  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      const { view: current, duration, chartWidth: w, onView: set } = latest.current;
      const x = event.clientX - element.getBoundingClientRect().left - LABEL_WIDTH;
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        const anchor = current.start + (Math.min(Math.max(x, 0), w) / w) * (current.end - current.start);
        set(zoomView(current, event.deltaY < 0 ? 1.25 : 0.8, duration, anchor));
      } else if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        event.preventDefault();
        set(panView(current, (event.deltaX || event.deltaY) / w, duration));
      }
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, []);

  const visible = useMemo(
    () => lanes.map((lane) => lane.items.map((item, index) => ({ item, index })).filter(({ item }) => item.end >= view.start && item.start <= view.end)),
    [lanes, view],
  );
  const { step, times } = ticks(view, Math.max(2, Math.floor(chartWidth / 110)));
  const x = (t: number) => LABEL_WIDTH + Math.min(Math.max(toPixels(view, chartWidth, t), -2), chartWidth + 2);

  const focusItem = (next: Focused) => {
    setFocused(next);
    svg.current?.querySelector<SVGElement>(`[data-item="${next.lane}-${next.index}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const lane = visible[focused.lane] ?? [];
    const position = Math.max(0, lane.findIndex(({ index }) => index === focused.index));
    const at = (i: number): Focused | null => {
      const entry = i >= 0 ? lane[i] : undefined;
      return entry ? { lane: focused.lane, index: entry.index } : null;
    };
    const moves: Record<string, () => Focused | null> = {
      ArrowRight: () => at(position + 1),
      ArrowLeft: () => at(position - 1),
      ArrowDown: () => nearestIn(focused.lane + 1),
      ArrowUp: () => nearestIn(focused.lane - 1),
      Home: () => at(0),
      End: () => at(lane.length - 1),
    };
    function nearestIn(target: number): Focused | null {
      const items = visible[target];
      const current = lane[position]?.item;
      if (!items || items.length === 0) return null;
      const at = current ? current.start : view.start;
      const best = items.reduce((a, b) => (Math.abs(b.item.start - at) < Math.abs(a.item.start - at) ? b : a));
      return { lane: target, index: best.index };
    }
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const next = move();
    if (next) focusItem(next);
  };

  const pointerX = (event: PointerEvent<SVGRectElement>) => event.clientX - (svg.current?.getBoundingClientRect().left ?? 0) - LABEL_WIDTH;
  const tabbable = visible[focused.lane]?.some(({ index }) => index === focused.index) ? focused : firstVisible(visible);

  return (
    <svg
      ref={svg}
      width={width}
      height={height}
      role="group"
      aria-label={words.chart}
      className="block touch-pan-y text-xs select-none"
      onKeyDown={onKeyDown}
      onPointerLeave={() => onHover(null)}
    >
      <defs>
        <pattern id={patternId} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
          <rect width="6" height="6" className="fill-slate-50 dark:fill-slate-900" />
          <line x1="0" y1="0" x2="0" y2="6" strokeWidth="2.5" className="stroke-slate-300 dark:stroke-slate-600" />
        </pattern>
      </defs>
      {/* Drag across the chart to zoom to a range. */}
      <rect
        x={LABEL_WIDTH}
        y={0}
        width={chartWidth}
        height={height}
        className="fill-transparent"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          setDrag({ from: pointerX(event), to: pointerX(event) });
        }}
        onPointerMove={(event) => drag && setDrag({ from: drag.from, to: pointerX(event) })}
        onPointerUp={() => {
          if (drag && Math.abs(drag.to - drag.from) > 4) onView(rangeView(view, chartWidth, drag.from, drag.to, layout.duration));
          setDrag(null);
        }}
      />
      <g aria-hidden="true">
        {times.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={AXIS_HEIGHT - 6} y2={height} className="stroke-slate-200 dark:stroke-slate-700" />
            <text
              x={x(t) > width - 60 ? x(t) - 3 : x(t) + 3}
              y={AXIS_HEIGHT - 10}
              textAnchor={x(t) > width - 60 ? 'end' : 'start'}
              className="fill-slate-500 dark:fill-slate-400"
            >
              {formatTime(t, step)}
            </text>
          </g>
        ))}
      </g>
      {lanes.map((lane, laneIndex) => {
        const top = AXIS_HEIGHT + laneIndex * LANE_HEIGHT;
        const mid = top + LANE_HEIGHT / 2;
        return (
          <g key={lane.key} role="group" aria-label={lane.label} data-lane={lane.label}>
            <rect x={0} y={top} width={width} height={LANE_HEIGHT} className={laneIndex % 2 ? 'fill-slate-50 dark:fill-slate-800/40' : 'fill-transparent'} pointerEvents="none" />
            <text x={8} y={mid + 4} className="fill-slate-700 font-mono dark:fill-slate-200" aria-hidden="true">
              {lane.label.length > 24 ? `${lane.label.slice(0, 23)}…` : lane.label}
            </text>
            {(visible[laneIndex] ?? []).map(({ item, index }) => {
              const left = x(item.start);
              const w = Math.max(x(item.end) - left, 1.5);
              const described = describeItem(item, lane.label, words);
              const blocking = described.blocking;
              const isTab = tabbable !== null && tabbable.lane === laneIndex && tabbable.index === index;
              const thin = item.kind === 'queued';
              const label = shortLabel(item, words);
              const show = (target: SVGElement) => {
                const box = target.getBoundingClientRect();
                const origin = svg.current?.getBoundingClientRect();
                onHover({ words: described, x: box.left - (origin?.left ?? 0) + Math.min(box.width, 40), y: top + LANE_HEIGHT });
              };
              return (
                <g
                  key={index}
                  data-item={`${laneIndex}-${index}`}
                  data-kind={item.kind}
                  data-start={item.start}
                  data-end={item.end}
                  data-blocking={blocking ? 'true' : undefined}
                  role="img"
                  aria-label={itemLabel(described, words)}
                  tabIndex={isTab ? 0 : -1}
                  className="cursor-default outline-none focus-visible:[&>rect]:stroke-slate-900 focus-visible:[&>rect]:stroke-2 dark:focus-visible:[&>rect]:stroke-white"
                  onFocus={(event) => {
                    setFocused({ lane: laneIndex, index });
                    show(event.currentTarget);
                  }}
                  onBlur={() => onHover(null)}
                  onPointerEnter={(event) => show(event.currentTarget)}
                  onPointerLeave={() => onHover(null)}
                >
                  <rect
                    x={left}
                    y={thin ? mid - 1.5 : mid - BAR / 2}
                    width={w}
                    height={thin ? 3 : BAR}
                    rx={thin ? 1 : 2}
                    fill={item.kind === 'suspended' ? `url(#${patternId})` : undefined}
                    className={blocking ? `${fills.block} stroke-rose-900 dark:stroke-rose-200` : fills[item.kind]}
                    strokeWidth={item.kind === 'suspended' || item.kind === 'idle' || blocking ? 1 : 0}
                  />
                  {label && w > label.length * 6.5 + 8 ? (
                    <text
                      x={left + 4}
                      y={mid + 4}
                      pointerEvents="none"
                      aria-hidden="true"
                      className={blocking ? 'fill-white font-semibold' : 'fill-slate-600 dark:fill-slate-300'}
                    >
                      {label}
                    </text>
                  ) : blocking ? (
                    <text x={left + w + 3} y={mid + 4} pointerEvents="none" aria-hidden="true" className="fill-rose-700 font-semibold dark:fill-rose-300">
                      {label}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </g>
        );
      })}
      {drag ? (
        <rect
          x={LABEL_WIDTH + Math.min(drag.from, drag.to)}
          y={0}
          width={Math.abs(drag.to - drag.from)}
          height={height}
          pointerEvents="none"
          className="fill-indigo-500/15 stroke-indigo-500"
        />
      ) : null}
    </svg>
  );
}

function firstVisible(visible: { index: number }[][]): Focused | null {
  for (const [lane, items] of visible.entries()) if (items[0]) return { lane, index: items[0].index };
  return null;
}
