// What a learner (or a screen reader) is told about one slice of the timeline.
import { describe, expect, it } from 'vitest';
import { traceStrings } from '@/app/_lib/i18n/trace-strings';
import { describeItem, describeWait, itemLabel } from './timeline-describe';

const en = traceStrings('en');
const ms = 1_000_000;

describe('describing timeline items', () => {
  it('names a wait by what it waited for, with a sleep its delay', () => {
    expect(describeWait({ kind: 'sleep', label: 'sleep', seconds: 1 }, en)).toBe('asyncio.sleep(1 s)');
    expect(describeWait({ kind: 'lock', label: 'Lock.acquire' }, en)).toBe('a lock (Lock.acquire)');
    expect(describeWait({ kind: 'task', label: 'Task-3', task: 3 }, en)).toBe('another task (Task-3)');
  });

  it('says "blocking" in words, and which call blocked', () => {
    const item = { kind: 'run' as const, task: 3, start: 10 * ms, end: 310 * ms, blocking: true, outcome: 'result' as const, eager: false, calls: ['time.sleep'] };
    const words = describeItem(item, 'Task-3 stubborn()', en);
    expect(words).toMatchObject({ what: 'running, blocking', start: '10 ms', duration: '300 ms', blocking: true });
    expect(itemLabel(words, en)).toBe('Task-3 stubborn(): running, blocking; Start 10 ms; Duration 300 ms; blocked the loop in time.sleep; then returned');
  });

  it('says a wait was still open when tracing stopped, in Chinese too', () => {
    const item = { kind: 'suspended' as const, task: 2, start: 0, end: 5 * ms, wait: { kind: 'event' as const, label: 'Event.wait' }, open: true };
    expect(describeItem(item, 'Task-2 waiter()', en).details).toBe('waited for an event (Event.wait); still waiting when tracing stopped');
    expect(describeItem(item, 'Task-2 waiter()', traceStrings('zh')).what).toBe('挂起');
  });
});
