/**
 * The rules of "Check my answer", apart from any kernel: the program a check runs, and what
 * the learner is told about the outcome.
 */

export type RunStatus = 'ok' | 'error' | 'interrupted' | 'timeout';
export type RunError = { type: string; message: string };
export type RunOutcome = { status: RunStatus; error?: RunError };

export type CheckState = 'queued' | 'running' | 'passed' | 'failed' | 'raised' | 'interrupted' | 'timeout';
/** `message`: the AssertionError's text (failed) or the exception's (raised). */
export type CheckSnapshot = { state: CheckState; errorType: string | null; message: string | null };

/**
 * The check's source: `__awaitable_stdout__` holds what the learner's run printed. A JSON
 * string is a valid Python string literal (JSON escapes are a subset of Python's).
 */
export function checkProgram(check: string, learnerStdout: string): string {
  return `__awaitable_stdout__ = ${JSON.stringify(learnerStdout)}\n${check}`;
}

/** What a check found: the learner's run first, then (if that went well) the check's run. */
export function checkOutcome(learner: RunOutcome, check?: RunOutcome): CheckSnapshot {
  const decisive = learner.status === 'ok' && check ? check : learner;
  switch (decisive.status) {
    case 'ok':
      return { state: 'passed', errorType: null, message: null };
    case 'interrupted':
      return { state: 'interrupted', errorType: null, message: null };
    case 'timeout':
      return { state: 'timeout', errorType: null, message: null };
    case 'error': {
      const type = decisive.error?.type ?? 'Exception';
      const message = decisive.error?.message ?? '';
      const failedAssertion = decisive === check && type === 'AssertionError';
      return { state: failedAssertion ? 'failed' : 'raised', errorType: type, message };
    }
  }
}
