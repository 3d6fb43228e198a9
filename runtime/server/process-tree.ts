/**
 * A sandbox's processes as the host sees them in /proc: the tree under the bwrap process, its
 * resident memory and CPU time. Linux only; a process that exits mid-read simply drops out.
 */
import { readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;
const CLOCK_TICKS = 100;

function readProc(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Direct children of `pid` (all its threads' children). */
export function childrenOf(pid: number): number[] {
  const tasks = readProc(`/proc/${pid}/task/${pid}/children`);
  return tasks === null ? [] : tasks.split(' ').filter(Boolean).map(Number);
}

/** `pid` and everything below it. */
export function processTree(pid: number, limit = 4096): number[] {
  const found: number[] = [];
  const pending = [pid];
  while (pending.length > 0 && found.length < limit) {
    const next = pending.pop();
    if (next === undefined) break;
    found.push(next);
    pending.push(...childrenOf(next));
  }
  return found;
}

export type TreeUsage = { residentBytes: number; cpuSeconds: number; processes: number };

/** Resident memory (summed) and the largest CPU time of one process in the tree. */
export function treeUsage(pid: number): TreeUsage {
  let residentBytes = 0;
  let cpuSeconds = 0;
  const pids = processTree(pid);
  for (const member of pids) {
    const statm = readProc(`/proc/${member}/statm`);
    if (statm !== null) residentBytes += Number(statm.split(' ')[1] ?? 0) * PAGE_BYTES;
    const stat = readProc(`/proc/${member}/stat`);
    if (stat === null) continue;
    // Fields after the command name (which may hold spaces) start at ") ".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0); // utime + stime
    cpuSeconds = Math.max(cpuSeconds, ticks / CLOCK_TICKS);
  }
  return { residentBytes, cpuSeconds, processes: pids.length };
}
