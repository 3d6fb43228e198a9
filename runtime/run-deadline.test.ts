import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RunDeadline } from './run-deadline';

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
afterEach(() => vi.useRealTimers());

describe('RunDeadline', () => {
  it('expires once, after the limit', () => {
    const expired = vi.fn();
    new RunDeadline(1_000, expired);
    vi.advanceTimersByTime(999);
    expect(expired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(5_000);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('does not count paused time', () => {
    const expired = vi.fn();
    const deadline = new RunDeadline(1_000, expired);
    vi.advanceTimersByTime(600);
    deadline.pause();
    vi.advanceTimersByTime(10_000);
    deadline.resume();
    vi.advanceTimersByTime(399);
    expect(expired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('never expires without a limit, or once cancelled', () => {
    const expired = vi.fn();
    new RunDeadline(Infinity, expired);
    new RunDeadline(0, expired);
    new RunDeadline(1_000, expired).cancel();
    vi.advanceTimersByTime(60_000);
    expect(expired).not.toHaveBeenCalled();
  });
});
