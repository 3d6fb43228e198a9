/**
 * Adapts a lesson kernel (the browser's, or Node's in tests) to the store's `runCell` and
 * `runCheck`: stream events become output chunks, a result becomes a report.
 */
import type { RunOptions, RunResult } from '@/runtime/kernel-api';
import type { RunOutcome } from './exercise-check';
import type { OutputChunk, RunCell, RunCheck } from './notebook-store';

/** What the runners need of a kernel: BrowserKernel and NodeKernel both have it. */
export type LessonKernel = { run(code: string, options?: RunOptions): Promise<RunResult> };

/** What a learner needs to know after a time limit, beyond the kernel's own message. */
function timeLimitNotice(result: RunResult, timeoutSeconds: number): OutputChunk[] {
  if (result.status !== 'timeout') return [];
  const restarted = result.error?.type === 'TimeoutError';
  return [
    {
      kind: 'notice',
      text: restarted
        ? 'Python was restarted, so variables from earlier cells are gone: run the cells above again.'
        : `Stopped at the cell's ${timeoutSeconds} s time limit.`,
    },
  ];
}

function outcome(result: RunResult): RunOutcome {
  return result.error ? { status: result.status, error: { type: result.error.type, message: result.error.message } } : { status: result.status };
}

/** What a traced cell asks the kernel to record: the loop with its steps, and the bytecode. */
export const TRACED_RUN: NonNullable<RunOptions['inspect']> = { trace: { steps: true }, bytecode: true };

export function kernelRunCell(kernel: () => LessonKernel): RunCell {
  return async ({ id: cellId, code, timeoutMs, trace }, events) => {
    const result = await kernel().run(code, {
      cellId,
      timeoutMs,
      inspect: trace === true ? TRACED_RUN : undefined,
      onStream: (name, text) => events.output({ kind: name, text }),
      onInputRequest: (prompt) => events.inputRequest(prompt),
      onNotice: (notice) => events.output({ kind: 'notice', text: `${notice.message}\n` }),
    });
    const chunks: OutputChunk[] = [];
    if (result.value !== undefined) chunks.push({ kind: 'result', text: result.value });
    if (result.error) chunks.push({ kind: 'error', text: result.error.traceback || `${result.error.type}: ${result.error.message}` });
    chunks.push(...timeLimitNotice(result, timeoutMs / 1000));
    return { ...outcome(result), executionCount: result.executionCount, durationMs: result.durationMs, chunks, inspection: result.inspection };
  };
}

/** A check's output goes nowhere: the learner sees only its verdict. */
export function kernelRunCheck(kernel: () => LessonKernel): RunCheck {
  return async ({ code, timeoutMs }) => outcome(await kernel().run(code, { timeoutMs }));
}
