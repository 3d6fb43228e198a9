// Tracing the event loop on the real kernel (Pyodide under Node): what each task did, what it
// waited for, what blocked the loop. No mocks: the traces come from asyncio itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockingEventsOf, slicesOf, tasksOf, waitsOf } from '../trace/read-trace';
import { runTraced } from '../trace/traced-run';
import type { TraceOptions } from '../trace/traced-run';
import type { CreateEvent, Trace } from '../trace/trace-schema';
import { NodeKernel } from './node-kernel';
import type { RunResult } from './node-kernel';

const kernel = new NodeKernel();
const MS = 1_000_000;

beforeAll(() => kernel.start());
afterAll(() => kernel.dispose());

async function trace(code: string, options: TraceOptions = {}): Promise<{ result: RunResult & { stderr: string }; trace: Trace }> {
  let stderr = '';
  const traced = await runTraced(
    kernel,
    () => kernel.run(code, { onStream: (name, text) => void (name === 'stderr' && (stderr += text)) }),
    options,
  );
  return { result: { ...traced.result, stderr }, trace: traced.trace };
}

/** The task whose coroutine is `coro` (exactly one). */
function taskRunning(trace: Trace, coro: string): CreateEvent {
  const found = [...tasksOf(trace).values()].filter((task) => task.coro === coro);
  expect(found, `tasks running ${coro}`).toHaveLength(1);
  const [task] = found;
  if (!task) throw new Error(`no task runs ${coro}`);
  return task;
}

describe('tracing the event loop', () => {
  it('shows gather of three 0.2 s sleeps as three overlapping sleep waits, 0.2 s in all', async () => {
    const { result, trace: recorded } = await trace(`
import asyncio

async def nap(n):
    await asyncio.sleep(0.2)
    return n

async def main():
    return await asyncio.gather(nap(1), nap(2), nap(3))

asyncio.run(main())
`);
    expect(result.value).toBe('[1, 2, 3]');
    const naps = [...tasksOf(recorded).values()].filter((task) => task.coro === 'nap');
    expect(naps.map((task) => task.parent)).toEqual([1, 1, 1]);
    expect(taskRunning(recorded, 'main').task).toBe(1);

    const sleeps = waitsOf(recorded).filter((wait) => wait.kind === 'sleep');
    expect(sleeps.map((wait) => wait.task).sort()).toEqual(naps.map((task) => task.task).sort());
    const latestStart = Math.max(...sleeps.map((wait) => wait.start));
    const earliestEnd = Math.min(...sleeps.map((wait) => wait.end ?? Infinity));
    expect(latestStart).toBeLessThan(earliestEnd); // all three waited at the same time
    for (const wait of sleeps) expect((wait.end ?? 0) - wait.start).toBeGreaterThanOrEqual(195 * MS);

    const slices = slicesOf(recorded);
    const span = Math.max(...slices.map((slice) => slice.end)) - Math.min(...slices.map((slice) => slice.start));
    expect(span).toBeGreaterThanOrEqual(200 * MS);
    expect(span).toBeLessThan(350 * MS);
    expect(slices.every((slice) => !slice.blocking)).toBe(true);
    const sleepSlices = slices.filter((slice) => slice.wait?.kind === 'sleep');
    expect(sleepSlices.map((slice) => slice.wait?.seconds)).toEqual([0.2, 0.2, 0.2]);
    // The loop waited in its selector for the timers rather than spinning.
    const selectWaits = recorded.events.filter((event) => event.type === 'select' && event.end - event.start > 150 * MS);
    expect(selectWaits).toHaveLength(1);
    const timers = recorded.events.filter((event) => event.type === 'timer');
    expect(timers.map((timer) => (timer.type === 'timer' ? timer.name : ''))).toEqual(Array(3).fill('_set_result_unless_cancelled'));
  });

  it('flags a time.sleep inside a coroutine as a blocking slice and a blocking call', async () => {
    const { trace: recorded } = await trace(`
import asyncio, time

async def stubborn():
    time.sleep(0.15)

async def polite():
    await asyncio.sleep(0.01)

async def main():
    await asyncio.gather(polite(), stubborn())

asyncio.run(main())
`);
    const stubborn = taskRunning(recorded, 'stubborn');
    const blocking = blockingEventsOf(recorded);
    expect(blocking.map((event) => event.type).sort()).toEqual(['block', 'slice']);
    const [slice] = slicesOf(recorded, stubborn.task);
    expect(slice).toMatchObject({ blocking: true, outcome: 'result' });
    expect((slice?.end ?? 0) - (slice?.start ?? 0)).toBeGreaterThanOrEqual(150 * MS);
    const call = blocking.find((event) => event.type === 'block');
    expect(call).toMatchObject({ call: 'time.sleep', task: stubborn.task });
    // The polite task's 10 ms sleep ended late: the loop was blocked.
    const politeWait = waitsOf(recorded).find((wait) => wait.task === taskRunning(recorded, 'polite').task);
    expect((politeWait?.end ?? 0) - (politeWait?.start ?? 0)).toBeGreaterThanOrEqual(140 * MS);
  });

  it('tags waits on a lock, a queue, an event, another task and a plain future', async () => {
    const { result, trace: recorded } = await trace(`
import asyncio

async def main():
    lock, queue, event = asyncio.Lock(), asyncio.Queue(), asyncio.Event()
    future = asyncio.get_running_loop().create_future()

    async def holder():
        async with lock:
            await asyncio.sleep(0.01)

    async def locker():
        async with lock:
            pass

    async def consumer():
        return await queue.get()

    async def watcher():
        await event.wait()

    async def promised():
        return await future

    async def joiner(task):
        return await task

    tasks = [asyncio.create_task(c) for c in (holder(), locker(), consumer(), watcher(), promised())]
    joined = asyncio.create_task(joiner(tasks[2]))
    await asyncio.sleep(0)
    queue.put_nowait("item")
    event.set()
    future.set_result("kept")
    await asyncio.gather(*tasks, joined)
    return await joined

asyncio.run(main())
`);
    expect(result.value).toBe("'item'");
    const waitOf = (coro: string) => slicesOf(recorded, taskRunning(recorded, coro).task).find((slice) => slice.outcome === 'wait')?.wait;
    expect(waitOf('main.<locals>.holder')).toMatchObject({ kind: 'sleep', label: 'sleep' });
    expect(waitOf('main.<locals>.locker')).toEqual({ kind: 'lock', label: 'Lock.acquire' });
    expect(waitOf('main.<locals>.consumer')).toEqual({ kind: 'queue', label: 'Queue.get' });
    expect(waitOf('main.<locals>.watcher')).toEqual({ kind: 'event', label: 'Event.wait' });
    expect(waitOf('main.<locals>.promised')).toEqual({ kind: 'future', label: 'main.<locals>.promised' });
    const consumer = taskRunning(recorded, 'main.<locals>.consumer');
    expect(waitOf('main.<locals>.joiner')).toEqual({ kind: 'task', label: consumer.name, task: consumer.task });
    expect(waitOf('main')).toEqual({ kind: 'gather', label: 'gather' });
  });

  it('records a cancellation and how each task ended, without retrieving exceptions', async () => {
    const { result, trace: recorded } = await trace(`
import asyncio

async def forever():
    await asyncio.sleep(3600)

async def fails():
    raise ValueError("nobody looks at me")

async def main():
    sleeper = asyncio.create_task(forever())
    failing = asyncio.create_task(fails())
    await asyncio.sleep(0.01)
    sleeper.cancel()
    try:
        await sleeper
    except asyncio.CancelledError:
        return "cancelled"

outcome = asyncio.run(main())
import gc; gc.collect()  # the failing task is collected, and asyncio logs its exception
outcome
`);
    expect(result.value).toBe("'cancelled'");
    // The tracer read the exception without retrieving it: asyncio still reports it.
    expect(result.stderr).toContain('Task exception was never retrieved');
    const sleeper = taskRunning(recorded, 'forever');
    const cancel = recorded.events.find((event) => event.type === 'cancel');
    expect(cancel).toMatchObject({ task: sleeper.task });
    expect(slicesOf(recorded, sleeper.task).map((slice) => slice.outcome)).toEqual(['wait', 'cancelled']);
    expect(slicesOf(recorded, taskRunning(recorded, 'fails').task)).toMatchObject([{ outcome: 'exception', exception: 'ValueError' }]);
    expect(slicesOf(recorded, taskRunning(recorded, 'main').task).at(-1)?.outcome).toBe('result');
  });

  it('keeps at most maxEvents events and says how many it dropped', async () => {
    const { result, trace: recorded } = await trace(
      `
import asyncio

async def main():
    await asyncio.gather(*(asyncio.sleep(0) for _ in range(100)))
    return "done"

asyncio.run(main())
`,
      { maxEvents: 50 },
    );
    expect(result.value).toBe("'done'");
    expect(recorded.events).toHaveLength(50);
    expect(recorded.maxEvents).toBe(50);
    expect(recorded.dropped).toBeGreaterThan(300);
    expect(recorded.note).toBe(`${recorded.dropped.toLocaleString('en-US')} events were dropped: a trace keeps its first 50 events.`);
  });

  it('shows the same stacks inside a task as an untraced run, and the same eager tasks', async () => {
    const code = `
import asyncio, io, traceback

async def child():
    out = io.StringIO()
    traceback.print_stack(file=out)
    return out.getvalue()

async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    async with asyncio.TaskGroup() as group:
        task = group.create_task(asyncio.sleep(0.01, "slept"))
    print(task.result())
    return await asyncio.create_task(child())

asyncio.run(main())
`;
    const untraced = await kernel.run(code);
    const { result, trace: recorded } = await trace(code);
    expect(result.value).toContain('events.py", line');
    const cellNumbers = (stack: string | undefined) => stack?.replace(/<cell-\d+>/g, '<cell>');
    expect(cellNumbers(result.value)).toBe(cellNumbers(untraced.value));
    const eager = slicesOf(recorded).filter((slice) => slice.eager);
    expect(eager.map((slice) => [tasksOf(recorded).get(slice.task)?.coro, slice.outcome])).toEqual([
      ['sleep', 'wait'],
      ['child', 'result'],
    ]);
    expect(slicesOf(recorded, 1).map((slice) => slice.wait?.kind ?? slice.outcome)).toEqual(['taskgroup', 'result']);
  });

  it('leaves the loop untouched once the trace is written', async () => {
    await trace('import asyncio\nasyncio.run(asyncio.sleep(0))\n');
    const check = await kernel.run(`
import asyncio, time
from awaitable_kernel import event_loop
(asyncio.events.Handle._run.__module__, 'call_at' in event_loop.AwaitableEventLoop.__dict__, time.sleep is event_loop.sleep)
`);
    expect(check.value).toBe("('asyncio.events', False, True)");
    const again = await kernel.run(`__import__('awaitable_kernel.tracing', fromlist=['x']).stop()`);
    expect(again.error?.message).toBe('the event loop is not being traced');
  });
});
