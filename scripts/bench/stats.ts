import { cpus } from 'node:os';

export type Summary = { median: number; min: number; max: number; n: number };

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function summarize(values: number[]): Summary {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length };
}

/** Share of all cores' time spent busy over the next `ms` (what other processes do while we wait). */
export async function cpuBusyShare(ms: number): Promise<number> {
  const total = () => cpus().reduce((sum, cpu) => {
    const { user, nice, sys, irq, idle } = cpu.times;
    return { busy: sum.busy + user + nice + sys + irq, all: sum.all + user + nice + sys + irq + idle };
  }, { busy: 0, all: 0 });
  const before = total();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = total();
  return (after.busy - before.busy) / Math.max(1, after.all - before.all);
}
