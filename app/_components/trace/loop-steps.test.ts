// Stepping through the loop: what changed between iterations is what a learner must notice,
// and the task tree must show who awaits whom.
import { describe, expect, it } from 'vitest';
import type { StepEvent, TaskNode } from '@/runtime/trace/trace-schema';
import { busiestStep, diffSteps, taskTree } from './loop-steps';

const node = (task: number, awaitedBy: number[] = []): TaskNode => ({
  task,
  name: `Task-${task}`,
  state: 'waiting',
  awaitedBy,
  stack: [{ name: 'main', file: '<cell-1>', line: 3 }],
});

const step = (n: number, ready: StepEvent['ready'], timers: StepEvent['timers'], tasks: TaskNode[] = []): StepEvent => ({
  type: 'step',
  n,
  t: n * 1000,
  ready,
  readyMore: 0,
  timers,
  timersMore: 0,
  tasks,
  tasksMore: 0,
});

describe('diffSteps', () => {
  it('marks everything new at the first step', () => {
    const first = step(1, [{ name: 'Task.__step', task: 1 }], []);
    expect(diffSteps(undefined, first)).toEqual({ readyAdded: [true], readyRemoved: [], timersAdded: [], timersRemoved: [] });
  });

  it('marks what arrived and lists what left since the previous step', () => {
    const timer = { due: 1_000_000_000, name: '_set_result_unless_cancelled', task: 2 };
    const before = step(2, [{ name: 'Task.__step', task: 2 }, { name: 'Task.__step', task: 3 }], []);
    const after = step(3, [{ name: 'Task.__step', task: 3 }, { name: 'Task.__wakeup', task: 1 }], [timer]);
    expect(diffSteps(before, after)).toEqual({
      readyAdded: [false, true],
      readyRemoved: [{ name: 'Task.__step', task: 2 }],
      timersAdded: [true],
      timersRemoved: [],
    });
  });

  it('counts equal entries separately', () => {
    const before = step(1, [{ name: 'cb' }], []);
    const after = step(2, [{ name: 'cb' }, { name: 'cb' }], []);
    expect(diffSteps(before, after).readyAdded).toEqual([false, true]);
  });
});

describe('busiestStep', () => {
  it('picks the first step with the most live tasks', () => {
    const steps = [step(1, [], [], [node(1)]), step(2, [], [], [node(1), node(2)]), step(3, [], [], [node(1), node(2)])];
    expect(busiestStep(steps)).toBe(1);
    expect(busiestStep([])).toBe(0);
  });
});

describe('taskTree', () => {
  it('puts each task under the task that awaits it', () => {
    const tree = taskTree([node(1), node(2, [1]), node(3, [1]), node(4, [3])]);
    expect(tree.map((root) => root.task.task)).toEqual([1]);
    expect(tree[0]?.children.map((child) => child.task.task)).toEqual([2, 3]);
    expect(tree[0]?.children[1]?.children.map((child) => child.task.task)).toEqual([4]);
  });

  it('treats a task awaited only by unknown tasks as a root, and survives a cycle', () => {
    expect(taskTree([node(5, [99])]).map((root) => root.task.task)).toEqual([5]);
    const cycle = taskTree([node(1, [2]), node(2, [1])]);
    expect(cycle).toHaveLength(1);
    expect(cycle[0]?.children[0]?.children).toEqual([]);
  });
});
