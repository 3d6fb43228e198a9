// The app's runner on the real sandbox: NDJSON events, queue refusals, interrupts by the
// learner who started the run only, and a client that goes away ends its run.
import { describe, expect, it } from 'vitest';
import { RunStreamEvent, type RunStreamEvent as Event } from './protocol';
import { ServerKernelService, type StartResult } from './run-service';

const queue = { concurrency: 1, maxQueued: 1, perLearner: 2, maxWaitMs: 30_000 };

async function events(result: StartResult): Promise<Event[]> {
  if (result.kind !== 'stream') throw new Error(`not a stream: ${result.kind}`);
  const text = await new Response(result.body).text();
  return text.trim().split('\n').map((line) => RunStreamEvent.parse(JSON.parse(line)));
}

const endOf = (list: Event[]) => list.find((event) => event.type === 'run.end');

describe('ServerKernelService', () => {
  it('streams accepted, started, output and the end as NDJSON', async () => {
    const service = new ServerKernelService({ queue });
    const list = await events(await service.start('ada', { code: 'print(x)', setup: ['x = "hi"'] }));
    expect(list.map((event) => event.type)).toEqual(['run.accepted', 'run.started', 'run.stream', 'run.end']);
    expect(list[2]).toMatchObject({ name: 'stdout', text: 'hi\n' });
    expect(endOf(list)).toMatchObject({ end: { reason: 'finished', exitCode: 0 } });
  });

  it('queues behind a running run and answers busy when the line is full', async () => {
    const service = new ServerKernelService({ queue });
    const first = service.start('a', { code: 'import time\ntime.sleep(0.5)', setup: [] });
    const second = await service.start('b', { code: 'print("second")', setup: [] });
    const third = await service.start('c', { code: 'print("third")', setup: [] });
    expect(third).toMatchObject({ kind: 'busy', retryAfterSeconds: expect.any(Number) });
    const secondEvents = await events(second);
    expect(secondEvents[0]).toMatchObject({ type: 'run.accepted', position: 1 });
    expect(endOf(secondEvents)).toMatchObject({ end: { reason: 'finished' } });
    expect(endOf(await events(await first))).toMatchObject({ end: { reason: 'finished' } });
  });

  it('lets only the learner who started a run interrupt it', async () => {
    const service = new ServerKernelService({ queue });
    const result = await service.start('ada', { code: 'import time\nprint("start", flush=True)\ntime.sleep(20)', setup: [] });
    if (result.kind !== 'stream') throw new Error(result.kind);
    const reading = events(result);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(service.interrupt('mallory', result.runId)).toBe(false);
    expect(service.interrupt('ada', result.runId)).toBe(true);
    const list = await reading;
    expect(endOf(list)).toMatchObject({ end: { reason: 'interrupted' } });
    expect(service.interrupt('ada', result.runId)).toBe(false); // over
  });

  it('ends the run when the client goes away, and frees its slot', async () => {
    const service = new ServerKernelService({ queue });
    const abort = new AbortController();
    const result = await service.start('ada', { code: 'import time\ntime.sleep(20)', setup: [] }, abort.signal);
    if (result.kind !== 'stream') throw new Error(result.kind);
    await new Promise((resolve) => setTimeout(resolve, 300));
    abort.abort();
    const started = Date.now();
    while (service.queue.running > 0 && Date.now() - started < 3000) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(service.queue.running).toBe(0);
  });

  it('answers unavailable, with the reason, when the sandbox check failed', async () => {
    const service = new ServerKernelService({ queue, check: async () => ({ available: false, reason: 'bwrap is missing' }) });
    expect(await service.start('ada', { code: 'print(1)', setup: [] })).toEqual({ kind: 'unavailable', message: 'bwrap is missing' });
  });
});
