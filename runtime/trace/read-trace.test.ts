// Reading a trace file: a wrong file fails with an error that names it and the field.
import { describe, expect, it } from 'vitest';
import { TraceFormatError, blockingEventsOf, parseTrace, parseTraceJson, waitsOf } from './read-trace';

const trace = {
  format: 'awaitable-trace',
  version: 2,
  python: '3.14.2',
  duration: 300,
  slowThreshold: 100,
  maxEvents: 200_000,
  dropped: 0,
  steps: true,
  maxSteps: 300,
  events: [
    { type: 'create', task: 1, t: 0, name: 'Task-1', coro: 'main', parent: null },
    { type: 'slice', task: 1, start: 1, end: 5, blocking: false, outcome: 'wait', wait: { kind: 'sleep', label: 'sleep', seconds: 0.2 } },
    {
      type: 'step',
      n: 2,
      t: 6,
      ready: [],
      readyMore: 0,
      timers: [{ due: 205, name: '_set_result_unless_cancelled', task: 1 }],
      timersMore: 0,
      tasks: [{ task: 1, name: 'Task-1', state: 'waiting', awaitedBy: [], stack: [{ name: 'main', file: '<cell-1>', line: 3 }] }],
      tasksMore: 0,
    },
    { type: 'callback', name: '_set_result_unless_cancelled', start: 205, end: 206, blocking: false },
    { type: 'ready', task: 1, t: 206 },
    { type: 'slice', task: 1, start: 207, end: 307, blocking: true, outcome: 'result' },
  ],
};

describe('reading a trace', () => {
  it('reads a valid trace and its waits and blocking slices', () => {
    const parsed = parseTraceJson(JSON.stringify(trace), 'naps.json');
    expect(waitsOf(parsed)).toEqual([{ task: 1, kind: 'sleep', label: 'sleep', start: 5, end: 206 }]);
    expect(blockingEventsOf(parsed)).toEqual([trace.events[5]]);
    expect(parsed.events.filter((event) => event.type === 'step')).toEqual([trace.events[2]]);
  });

  it('names the file and the field that is wrong', () => {
    const broken = { ...trace, events: [{ type: 'slice', task: 0, start: 1, end: 2, blocking: false, outcome: 'wait' }] };
    expect(() => parseTrace(broken, 'broken.json')).toThrow(TraceFormatError);
    expect(() => parseTrace(broken, 'broken.json')).toThrow(/^broken\.json is not an awaitable-trace trace:\n.*\n  → at events\[0\]\.task/);
  });

  it('refuses another version rather than misreading it', () => {
    expect(() => parseTrace({ ...trace, version: 1 }, 'old.json')).toThrow('old.json is a version 1 trace; this reader knows version 2');
  });

  it('refuses a step whose task in the tree is not a task number', () => {
    const step = { ...trace.events[2], tasks: [{ task: 0, name: 'Task-1', state: 'waiting', awaitedBy: [], stack: [] }] };
    expect(() => parseTrace({ ...trace, events: [step] }, 'steps.json')).toThrow(/→ at events\[0\]\.tasks\[0\]\.task/);
  });

  it('refuses text that is not JSON', () => {
    expect(() => parseTraceJson('{"format":', 'cut.json')).toThrow(/^cut\.json is not JSON: /);
  });
});
