import { describe, expect, it } from 'vitest';
import { checkOutcome, checkProgram } from './exercise-check';

describe('the verdict of a check', () => {
  it('is "failed" only for an AssertionError the check raised', () => {
    expect(checkOutcome({ status: 'ok' }, { status: 'error', error: { type: 'AssertionError', message: 'Print 42.' } })).toEqual({
      state: 'failed',
      errorType: 'AssertionError',
      message: 'Print 42.',
    });
    // An assert in the learner's own code is their code raising, not the check failing.
    expect(checkOutcome({ status: 'error', error: { type: 'AssertionError', message: 'mine' } })).toEqual({
      state: 'raised',
      errorType: 'AssertionError',
      message: 'mine',
    });
  });

  it("reports a time limit or an interrupt in either run, and ignores the check when the learner's run failed", () => {
    expect(checkOutcome({ status: 'ok' }, { status: 'timeout' }).state).toBe('timeout');
    expect(checkOutcome({ status: 'interrupted' }, { status: 'ok' }).state).toBe('interrupted');
    expect(checkOutcome({ status: 'ok' }, { status: 'ok' }).state).toBe('passed');
  });

  it('prepends what the learner printed as a Python string literal', () => {
    expect(checkProgram('assert True', 'a "b"\n')).toBe('__awaitable_stdout__ = "a \\"b\\"\\n"\nassert True');
  });
});
