// The panel as the server would render it (no browser needed): tabs, lanes, and the note a
// learner must see when a trace is incomplete.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { traceStrings } from '@/app/_lib/i18n/trace-strings';
import type { Trace } from '@/runtime/trace/trace-schema';
import { EventLoopPanel } from './event-loop-panel';

const trace: Trace = {
  format: 'awaitable-trace',
  version: 2,
  python: '3.14.2',
  duration: 2_000_000,
  slowThreshold: 100_000_000,
  maxEvents: 3,
  dropped: 1234,
  steps: false,
  maxSteps: 0,
  note: '1,234 events were dropped: a trace keeps its first 3 events.',
  events: [
    { type: 'create', task: 1, t: 0, name: 'Task-1', coro: 'main', parent: null },
    { type: 'slice', task: 1, start: 10, end: 1_000_000, blocking: false, outcome: 'wait', wait: { kind: 'sleep', label: 'sleep', seconds: 0.5 } },
    { type: 'select', start: 1_000_100, end: 2_000_000, timeout: 500_000_000 },
  ],
};

const render = (language: 'en' | 'zh') =>
  renderToStaticMarkup(createElement(EventLoopPanel, { cellId: 'demo', inspection: { trace }, words: traceStrings(language) }));

describe('the event loop panel', () => {
  it('shows the dropped-events note, the four tabs and a lane per task', () => {
    const html = render('en');
    expect(html).toContain('role="note"');
    expect(html).toContain('Not everything was recorded: 1,234 events were dropped');
    for (const tab of ['Timeline', 'Loop steps', 'Task tree', 'Bytecode']) expect(html).toMatch(new RegExp(`role="tab"[^>]*>${tab}</button>`));
    expect(html).toContain('aria-label="Task-1 main()"');
    expect(html).toContain('Total 2 ms');
  });

  it('speaks Chinese on Chinese pages', () => {
    const html = render('zh');
    expect(html).toContain('单元格 demo 的事件循环');
    expect(html).toContain('>时间线</button>');
  });

  it("says why, when the kernel could not record the run", () => {
    const html = renderToStaticMarkup(createElement(EventLoopPanel, { cellId: 'demo', inspection: { error: 'Tracing needs the page kernel.' }, words: traceStrings('en') }));
    expect(html).toContain('role="alert"');
    expect(html).toContain('The event loop could not be recorded: Tracing needs the page kernel.');
  });
});
