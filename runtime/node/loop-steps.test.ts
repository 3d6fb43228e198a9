// Loop steps on the real kernel (Pyodide under Node): the ready queue, the timer heap and the
// task tree at the start of each loop iteration, from asyncio itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTraced } from '../trace/traced-run';
import type { StepEvent, Trace } from '../trace/trace-schema';
import { NodeKernel } from './node-kernel';

const kernel = new NodeKernel();

beforeAll(() => kernel.start());
afterAll(() => kernel.dispose());

async function stepsOf(code: string, options: { steps?: boolean; maxSteps?: number } = { steps: true }): Promise<{ trace: Trace; steps: StepEvent[] }> {
  const { result, trace } = await runTraced(kernel, () => kernel.run(code), options);
  expect(result.status, result.error?.traceback).toBe('ok');
  return { trace, steps: trace.events.filter((event): event is StepEvent => event.type === 'step') };
}

const GATHER_OF_NAPS = `
import asyncio

async def nap(n):
    await asyncio.sleep(0.05)
    return n

async def main():
    return await asyncio.gather(nap(1), nap(2), nap(3))

asyncio.run(main())
`;

describe('loop steps', () => {
  it('shows gather of three sleeps: three tasks ready, then three timers in the heap, then three wakeups', async () => {
    const { trace, steps } = await stepsOf(GATHER_OF_NAPS);
    expect(trace.steps).toBe(true);
    expect(trace.maxSteps).toBe(300);
    expect(steps.map((step) => step.n)).toEqual(steps.map((_, index) => index + 1));

    const main = steps[0]?.tasks.find((task) => task.stack[0]?.name === 'main');
    expect(main?.state).toBe('ready');
    const naps = (step: StepEvent) => step.tasks.filter((task) => task.stack[0]?.name === 'nap');

    // The naps are created and scheduled: all three in the ready queue, awaited by main.
    const scheduled = steps.find((step) => naps(step).length === 3 && naps(step).every((task) => task.state === 'ready'));
    if (!scheduled || !main) throw new Error('no step with the three naps ready');
    const napNumbers = naps(scheduled).map((task) => task.task);
    expect(scheduled.ready.map((entry) => entry.task)).toEqual(napNumbers);
    expect(scheduled.ready.map((entry) => entry.name)).toEqual(Array(3).fill('Task.__step'));
    for (const task of naps(scheduled)) expect(task.awaitedBy).toEqual([main.task]);
    expect(scheduled.tasks.find((task) => task.task === main.task)?.state).toBe('waiting');

    // Then all three sleep: three timers, soonest first, each for the task whose sleep it ends.
    const sleeping = steps.find((step) => step.timers.length === 3);
    if (!sleeping) throw new Error('no step with three timers');
    expect(sleeping.n).toBeGreaterThan(scheduled.n);
    expect(sleeping.ready).toEqual([]);
    expect(sleeping.timers.map((timer) => timer.task)).toEqual(napNumbers);
    expect(sleeping.timers.map((timer) => timer.name)).toEqual(Array(3).fill('_set_result_unless_cancelled'));
    const dues = sleeping.timers.map((timer) => timer.due);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    // The same timers the trace saw being set, each 0.05 s after it was set.
    const set = trace.events.filter((event) => event.type === 'timer');
    expect(set.map((timer) => timer.due)).toEqual(dues);
    for (const timer of set) {
      expect(timer.due - timer.t).toBeGreaterThan(40_000_000); // set a moment after the sleep began
      expect(timer.due - timer.t).toBeLessThanOrEqual(50_500_000);
    }
    expect(Math.min(...dues)).toBeGreaterThan(sleeping.t);
    for (const task of naps(sleeping)) {
      expect(task.state).toBe('waiting');
      expect(task.stack.map((frame) => frame.name)).toEqual(['nap', 'sleep']);
      expect(task.stack[0]).toMatchObject({ file: '<cell-2>', line: 5 });
    }

    // The timers fired: the three tasks are ready again, to wake up.
    const woken = steps.find((step) => step.n > sleeping.n && step.ready.filter((entry) => entry.name === 'Task.__wakeup').length === 3);
    expect(woken?.timers).toEqual([]);
    expect(woken?.ready.map((entry) => entry.task)).toEqual(napNumbers);
  });

  it('shows a task that awaits another in the awaited-by tree', async () => {
    const { steps } = await stepsOf(`
import asyncio

async def child():
    await asyncio.sleep(0.01)

async def parent():
    await asyncio.create_task(child(), name="the-child")

asyncio.run(parent(), debug=False)
`);
    const step = steps.find((candidate) => candidate.tasks.some((task) => task.name === 'the-child' && task.state === 'waiting'));
    const child = step?.tasks.find((task) => task.name === 'the-child');
    const parent = step?.tasks.find((task) => task.stack[0]?.name === 'parent');
    expect(parent?.awaitedBy).toEqual([]);
    expect(child?.awaitedBy).toEqual([parent?.task]);
  });

  it('records no steps unless asked, and at most maxSteps, saying so', async () => {
    const plain = await stepsOf(GATHER_OF_NAPS, {});
    expect(plain.trace.steps).toBe(false);
    expect(plain.steps).toEqual([]);
    expect(plain.trace.note).toBeUndefined();

    const capped = await stepsOf(GATHER_OF_NAPS, { steps: true, maxSteps: 2 });
    expect(capped.steps.map((step) => step.n)).toEqual([1, 2]);
    expect(capped.trace.note).toBe('Only the first 2 loop steps were recorded.');
  });

  it('keeps at most 100 ready handles and 50 tasks in a step, counting the rest', async () => {
    const { steps } = await stepsOf(`
import asyncio

async def work():
    await asyncio.sleep(0)

async def main():
    await asyncio.gather(*[work() for _ in range(150)])

asyncio.run(main())
`);
    const busiest = steps.reduce((best, step) => (step.ready.length + step.readyMore > best.ready.length + best.readyMore ? step : best));
    expect(busiest.ready).toHaveLength(100);
    expect(busiest.readyMore).toBe(50);
    expect(busiest.tasks).toHaveLength(50);
    expect(busiest.tasksMore).toBe(101); // 150 workers and main
  });
});
