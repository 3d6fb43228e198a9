/**
 * Words for one timeline item: its accessible name, its tooltip and its table row all say the
 * same thing (task, kind, start, duration, what it waited for). Pure: no React.
 */
import type { TraceStrings } from '@/app/_lib/i18n/trace-strings';
import type { Wait } from '@/runtime/trace/trace-schema';
import type { LaneItem, TimelineLayout } from './timeline-layout';
import { formatDuration } from './timeline-scale';

export type ItemWords = {
  lane: string;
  what: string;
  start: string;
  duration: string;
  details: string;
  blocking: boolean;
};

/** "asyncio.sleep(1 s)", "another task (Task-3)", "a lock (Lock.acquire)". */
export function describeWait(wait: Wait, words: TraceStrings): string {
  const base = words.waitKind[wait.kind];
  if (wait.kind === 'sleep' && wait.seconds !== undefined) return `${base}(${formatDuration(wait.seconds * 1e9)})`;
  if (wait.label && wait.label !== wait.kind && !base.includes(wait.label)) return `${base} (${wait.label})`;
  return base;
}

function detailsOf(item: LaneItem, words: TraceStrings): string {
  switch (item.kind) {
    case 'run': {
      const parts: string[] = [];
      if (item.eager) parts.push(words.eager);
      if (item.calls.length > 0) parts.push(words.blockedIn(item.calls.join(', ')));
      if (item.outcome === 'wait' && item.wait) parts.push(`${words.outcome.wait}: ${words.waitedFor(describeWait(item.wait, words))}`);
      else if (item.outcome === 'exception' && item.exception) parts.push(`${words.outcome.exception}: ${words.raised(item.exception)}`);
      else parts.push(words.outcome[item.outcome]);
      return parts.join('; ');
    }
    case 'suspended':
      return [words.waitedFor(describeWait(item.wait, words)), ...(item.open ? [words.stillWaiting] : [])].join('; ');
    case 'queued':
      return '';
    case 'callback':
      return item.name;
    case 'idle':
      return item.timeout === null || item.timeout === 0 ? words.idleNoTimer : words.idleUntil(formatDuration(item.timeout));
    case 'block':
      return words.blockedIn(item.call);
  }
}

export function isBlocking(item: LaneItem): boolean {
  return (item.kind === 'run' || item.kind === 'callback' || item.kind === 'block') && item.blocking;
}

export function describeItem(item: LaneItem, lane: string, words: TraceStrings): ItemWords {
  const blocking = isBlocking(item);
  const kind = words.kind[item.kind];
  return {
    lane,
    what: blocking ? `${kind}, ${words.blocking}` : kind,
    start: formatDuration(item.start),
    duration: formatDuration(item.end - item.start),
    details: detailsOf(item, words),
    blocking,
  };
}

/** The accessible name of an item: "Task-2 fetch(): suspended; Start 3.1 ms; Duration 1 s; waited for asyncio.sleep(1 s)". */
export function itemLabel(described: ItemWords, words: TraceStrings): string {
  const head = `${described.lane}: ${described.what}; ${words.detail.start} ${described.start}; ${words.detail.duration} ${described.duration}`;
  return described.details ? `${head}; ${described.details}` : head;
}

/** Every item of every lane, in time order, for the table a screen reader can walk. */
export function tableRows(layout: TimelineLayout, words: TraceStrings, limit: number): { rows: (ItemWords & { key: string })[]; more: number } {
  const all: { key: string; item: LaneItem; lane: string }[] = [];
  layout.loop.items.forEach((item, index) => all.push({ key: `loop-${index}`, item, lane: words.loopLane }));
  for (const lane of layout.tasks) lane.items.forEach((item, index) => all.push({ key: `${lane.task}-${index}`, item, lane: lane.label }));
  all.sort((a, b) => a.item.start - b.item.start);
  const kept = all.slice(0, limit);
  return { rows: kept.map(({ key, item, lane }) => ({ key, ...describeItem(item, lane, words) })), more: all.length - kept.length };
}
