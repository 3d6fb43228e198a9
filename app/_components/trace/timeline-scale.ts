/**
 * The timeline's time axis: the visible window (`View`, in ns since the trace started), the
 * mapping to pixels, zooming and panning within the trace, and tick marks at round times.
 * Pure functions, unit-tested; a dozen lines each rather than a scale library.
 */

export type View = { start: number; end: number };

/** The narrowest window a learner can zoom to: 1 µs. */
export const MIN_SPAN = 1_000;

export function fullView(duration: number): View {
  return { start: 0, end: Math.max(duration, MIN_SPAN) };
}

/** The x of time `t` in a chart `width` pixels wide. */
export function toPixels(view: View, width: number, t: number): number {
  return ((t - view.start) / (view.end - view.start)) * width;
}

/** The time at pixel `x`. */
export function toTime(view: View, width: number, x: number): number {
  return view.start + (x / width) * (view.end - view.start);
}

/** Moves a window of the same span back inside [0, duration]. */
function clampView(start: number, span: number, duration: number): View {
  const total = Math.max(duration, MIN_SPAN);
  const width = Math.min(Math.max(span, MIN_SPAN), total);
  const from = Math.min(Math.max(start, 0), total - width);
  return { start: from, end: from + width };
}

/**
 * Zoom by `factor` (2: twice as close, 0.5: twice as far) keeping time `anchor` where it is on
 * screen (the pointer, or the middle); the window stays inside the trace.
 */
export function zoomView(view: View, factor: number, duration: number, anchor = (view.start + view.end) / 2): View {
  const span = view.end - view.start;
  const total = Math.max(duration, MIN_SPAN);
  const next = Math.min(Math.max(span / factor, MIN_SPAN), total);
  const share = span === 0 ? 0.5 : (anchor - view.start) / span;
  return clampView(anchor - share * next, next, duration);
}

/** Slide the window by `fraction` of its span (negative: earlier). */
export function panView(view: View, fraction: number, duration: number): View {
  const span = view.end - view.start;
  return clampView(view.start + fraction * span, span, duration);
}

/** The window between two pixels a learner dragged across (in either direction). */
export function rangeView(view: View, width: number, x0: number, x1: number, duration: number): View {
  const a = toTime(view, width, Math.min(x0, x1));
  const b = toTime(view, width, Math.max(x0, x1));
  return clampView(a, b - a, duration);
}

export function isFullView(view: View, duration: number): boolean {
  const full = fullView(duration);
  return view.start <= full.start && view.end >= full.end;
}

/** A round step (1, 2 or 5 times a power of ten ns) giving about `count` ticks over `span`. */
export function tickStep(span: number, count: number): number {
  const raw = Math.max(span / Math.max(count, 1), 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const multiple = [1, 2, 5, 10].find((m) => m * power >= raw) ?? 10;
  return multiple * power;
}

/** Tick times at multiples of the step inside the window. */
export function ticks(view: View, count: number): { step: number; times: number[] } {
  const step = tickStep(view.end - view.start, count);
  const times: number[] = [];
  for (let t = Math.ceil(view.start / step) * step; t <= view.end; t += step) times.push(t);
  return { step, times };
}

function trimmed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/**
 * A time in ns for people: "0", "250 ms", "1.5 s", "40 µs". `step` (a tick step) picks the
 * unit and precision so ticks read alike; without it, the time's own size does.
 */
export function formatTime(ns: number, step = ns): string {
  const size = Math.abs(step) || Math.abs(ns);
  if (ns === 0) return '0';
  if (size >= 1e9) return `${trimmed(ns / 1e9, 3)} s`;
  if (size >= 1e6) return `${trimmed(ns / 1e6, size >= 1e7 ? 1 : 3)} ms`;
  if (size >= 1e3) return `${trimmed(ns / 1e3, 3)} µs`;
  return `${Math.round(ns)} ns`;
}

/** A duration for people, at a sensible precision: "1.01 s", "300 ms", "12.4 µs". */
export function formatDuration(ns: number): string {
  if (ns >= 1e9) return `${trimmed(ns / 1e9, 2)} s`;
  if (ns >= 1e6) return `${trimmed(ns / 1e6, ns >= 1e8 ? 0 : 1)} ms`;
  if (ns >= 1e3) return `${trimmed(ns / 1e3, 1)} µs`;
  return `${Math.round(ns)} ns`;
}
