/**
 * Notices: what the kernel did to a run besides running it, worded for the learner. The
 * client words them (not the kernel, whose messages learner code can forge).
 */
import type { OutputLimits } from './protocol';

export type KernelNotice =
  /** `final: false` when output stops being shown; `final: true`, with the counts, when the run ends. */
  | { kind: 'output-truncated'; final: boolean; droppedLines: number; droppedBytes: number; message: string }
  /** The run left the kernel's memory this large, so a fresh kernel replaces it before the next run. */
  | { kind: 'kernel-recycled'; heapBytes: number; message: string };

export function truncationStarted(limits: OutputLimits): KernelNotice {
  const message =
    `Output truncated: this run printed more than ${plural(limits.maxLines, 'line')} or ${formatBytes(limits.maxBytes)}; ` +
    'it keeps running, but the rest of its output is not shown.';
  return { kind: 'output-truncated', final: false, droppedLines: 0, droppedBytes: 0, message };
}

export function truncationFinal(dropped: { lines: number; bytes: number }): KernelNotice {
  const message = `Output truncated: ${plural(dropped.lines, 'more line')} (${formatBytes(dropped.bytes)}) not shown.`;
  return { kind: 'output-truncated', final: true, droppedLines: dropped.lines, droppedBytes: dropped.bytes, message };
}

export function kernelRecycled(heapBytes: number): KernelNotice {
  const message =
    `This run grew the kernel's memory to ${formatBytes(heapBytes)}, which WebAssembly cannot give back: ` +
    'a fresh kernel replaces it, so variables from earlier cells are gone.';
  return { kind: 'kernel-recycled', heapBytes, message };
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return plural(bytes, 'byte');
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
