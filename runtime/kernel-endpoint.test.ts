import { describe, expect, it } from 'vitest';
import { createKernelEndpoint } from './kernel-endpoint';
import type { KernelEvent } from './protocol';
import { PROTOCOL_VERSION } from './protocol';

function endpoint() {
  const events: KernelEvent[] = [];
  let pyodideImported = false;
  const handle = createKernelEndpoint({
    post: (event) => events.push(event),
    importPyodide: async () => {
      pyodideImported = true;
      throw new Error('not in this test');
    },
    pythonSources: {},
  });
  return { handle, events, pyodideImported: () => pyodideImported };
}

describe('a request the kernel cannot parse fails fast, naming why', () => {
  it('an init from another protocol version fails the boot at once (no 60 s boot timeout)', () => {
    const { handle, events, pyodideImported } = endpoint();
    handle({ v: PROTOCOL_VERSION + 1, type: 'kernel.init', pyodideBaseUrl: '/pyodide/' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'kernel.failed' });
    expect(events[0]?.type === 'kernel.failed' && events[0].message).toContain(`protocol version ${PROTOCOL_VERSION + 1}, this kernel version ${PROTOCOL_VERSION}: reload the page`);
    expect(pyodideImported()).toBe(false);
  });

  it('a run with a bad field gets an error result for its run id, naming the field', () => {
    const { handle, events } = endpoint();
    handle({ v: PROTOCOL_VERSION, type: 'kernel.run', runId: 'r1', code: 42, mode: 'cell' });
    expect(events).toEqual([
      expect.objectContaining({ type: 'kernel.result', runId: 'r1', status: 'error', error: expect.objectContaining({ message: expect.stringMatching(/^The kernel did not understand this run: code: /) }) }),
    ]);
  });

  it('messages that are not ours are still ignored', () => {
    const { handle, events } = endpoint();
    for (const data of [null, 'hello', { type: 'webpackOk' }, { v: 1, type: 'other.run', runId: 'x' }]) handle(data);
    expect(events).toEqual([]);
  });
});
