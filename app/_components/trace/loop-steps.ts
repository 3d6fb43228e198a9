/**
 * The loop's iterations, from a trace's `step` events: what was in the ready queue and the
 * timer heap at each, what changed since the one before, and the awaited-by tree of its live
 * tasks. Pure: no React.
 */
import type { StepEvent, TaskNode, Trace } from '@/runtime/trace/trace-schema';

export type ReadyEntry = StepEvent['ready'][number];
export type TimerEntry = StepEvent['timers'][number];

export function stepsOf(trace: Trace): StepEvent[] {
  return trace.events.filter((event): event is StepEvent => event.type === 'step').sort((a, b) => a.n - b.n);
}

const readyKey = (entry: ReadyEntry) => `${entry.task ?? ''}|${entry.name}`;
const timerKey = (entry: TimerEntry) => `${entry.due}|${entry.task ?? ''}|${entry.name}`;

/** Which entries of `now` were not in `before` (a multiset: two equal entries count twice). */
function marked<T>(before: T[], now: T[], key: (entry: T) => string): { added: boolean[]; removed: T[] } {
  const counts = new Map<string, number>();
  for (const entry of before) counts.set(key(entry), (counts.get(key(entry)) ?? 0) + 1);
  const added = now.map((entry) => {
    const left = counts.get(key(entry)) ?? 0;
    if (left === 0) return true;
    counts.set(key(entry), left - 1);
    return false;
  });
  const removed: T[] = [];
  const remaining = new Map(counts);
  for (const entry of before) {
    const left = remaining.get(key(entry)) ?? 0;
    if (left > 0) {
      removed.push(entry);
      remaining.set(key(entry), left - 1);
    }
  }
  return { added, removed };
}

export type StepDiff = {
  /** For each ready entry: new since the previous step. */
  readyAdded: boolean[];
  /** Entries that were ready at the previous step and are not now (they ran). */
  readyRemoved: ReadyEntry[];
  timersAdded: boolean[];
  /** Timers that were set at the previous step and are not now (they fired, or were cancelled). */
  timersRemoved: TimerEntry[];
};

/** What changed from `previous` (undefined: the first step, where everything is new) to `step`. */
export function diffSteps(previous: StepEvent | undefined, step: StepEvent): StepDiff {
  const ready = marked(previous?.ready ?? [], step.ready, readyKey);
  const timers = marked(previous?.timers ?? [], step.timers, timerKey);
  return { readyAdded: ready.added, readyRemoved: ready.removed, timersAdded: timers.added, timersRemoved: timers.removed };
}

/** The index of the step with the most live tasks (the first of equals); 0 with no steps. */
export function busiestStep(steps: StepEvent[]): number {
  let best = 0;
  steps.forEach((step, index) => {
    const best_ = steps[best];
    if (best_ && step.tasks.length + step.tasksMore > best_.tasks.length + best_.tasksMore) best = index;
  });
  return best;
}

export type TaskTreeNode = { task: TaskNode; children: TaskTreeNode[] };

/**
 * The awaited-by forest: a task's children are the tasks it awaits (those whose `awaitedBy`
 * names it); roots are tasks nobody (known) awaits. A task awaited by two tasks appears under
 * both; a cycle is cut where it repeats.
 */
export function taskTree(tasks: TaskNode[]): TaskTreeNode[] {
  const known = new Map(tasks.map((task) => [task.task, task]));
  const awaits = new Map<number, TaskNode[]>();
  for (const task of tasks) {
    for (const parent of task.awaitedBy) {
      if (!known.has(parent)) continue;
      awaits.set(parent, [...(awaits.get(parent) ?? []), task]);
    }
  }
  const build = (task: TaskNode, path: Set<number>): TaskTreeNode => {
    const inner = new Set(path).add(task.task);
    const children = (awaits.get(task.task) ?? []).filter((child) => !inner.has(child.task)).map((child) => build(child, inner));
    return { task, children };
  };
  const roots = tasks.filter((task) => !task.awaitedBy.some((parent) => known.has(parent)));
  // Every task in a cycle is awaited by a known task: start from the lowest number so it still shows.
  const reached = new Set<number>();
  const walk = (node: TaskTreeNode) => {
    reached.add(node.task.task);
    node.children.forEach(walk);
  };
  const forest = roots.map((root) => build(root, new Set()));
  forest.forEach(walk);
  for (const task of tasks) {
    if (reached.has(task.task)) continue;
    const node = build(task, new Set());
    walk(node);
    forest.push(node);
  }
  return forest;
}
