/**
 * Runs one lesson file's model as a learner would: browser cells in page order in one kernel,
 * each exercise's starter (must fail its check) and solution (must pass), server cells in the
 * sandbox; compares outputs with the expected blocks.
 */
import { checkProgram } from '../../app/_components/notebook/exercise-check';
import type { LessonCell, LessonExercise, LessonItem, LessonModel } from '../../app/_lib/content/lesson-model';
import type { RunOptions, RunResult } from '../../runtime/node/node-kernel';
import { describeMismatch, outputMatches } from './output-match';
import type { SandboxAvailability, SandboxRunEnd } from './sandbox-loader';

/** `file:line: subject: message`, the subject being `cell ID` or `exercise ID`. */
export type Finding = { file: string; line: number; subject: string; message: string };
export type LessonRun = {
  passed: number;
  failures: Finding[];
  warnings: Finding[];
  /** Wall time of each cell and exercise, in page order. */
  timings: { subject: string; seconds: number }[];
};

export type CellKernel = { run(code: string, options?: RunOptions): Promise<RunResult> };
export type LessonRunOptions = {
  kernel: CellKernel;
  /** The server kernel, asked for only when the lesson has a server cell. */
  server: () => Promise<SandboxAvailability>;
  /** Report server cells that cannot run as warnings, not failures (AWAITABLE_LESSONS_ALLOW_NO_SERVER=1). */
  allowNoServer: boolean;
};

export function formatFinding(finding: Finding): string {
  return `${finding.file}:${finding.line}: ${finding.subject}: ${finding.message}`;
}

type Outcome = {
  ok: boolean;
  exception?: { type: string; message: string; traceback: string };
  stdout: string;
  output: string;
  /** Why the run tells nothing about the code (time limit, dead kernel). */
  problem?: string;
  /** Interrupted at its time limit: an `expect=error` cell may mean to show that. */
  timedOut?: boolean;
};

const defaultTimeoutSeconds = 30;

/** Runs code in the kernel and gathers what the learner would see: streams, then the result or traceback. */
async function runInKernel(kernel: CellKernel, code: string, cellId: string, timeoutSeconds: number | undefined): Promise<Outcome> {
  const seconds = timeoutSeconds ?? defaultTimeoutSeconds;
  let output = '';
  let stdout = '';
  const result = await kernel.run(code, {
    cellId,
    timeoutMs: seconds * 1000,
    onStream: (name, text) => {
      output += text;
      if (name === 'stdout') stdout += text;
    },
  });
  const append = (text: string) => {
    output += (output === '' || output.endsWith('\n') ? '' : '\n') + text;
  };
  if (result.value !== undefined) append(result.value);
  if (result.status === 'interrupted') return { ok: false, stdout, output, problem: 'was interrupted' };
  const error = result.error;
  if (error && (error.type === 'KernelUnavailable' || error.type === 'KernelDied')) {
    return { ok: false, stdout, output, problem: `the kernel failed: ${error.type}: ${error.message}` };
  }
  if (error) append(error.traceback || `${error.type}: ${error.message}\n`);
  const exception = error ? { type: error.type, message: error.message, traceback: error.traceback } : undefined;
  if (result.status === 'timeout') {
    return { ok: false, exception, stdout, output, timedOut: true, problem: `ran past its time limit of ${seconds} s` };
  }
  if (result.status === 'error') return { ok: false, exception, stdout, output };
  return { ok: true, stdout, output };
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).map((line) => `    | ${line}`).join('\n');
}

/** Checks one cell's outcome against `expect=error` and its expected output; a message per problem. */
function judgeCell(cell: LessonCell, outcome: Outcome): { line: number; message: string }[] {
  // A cell that means to show the time limit raised KeyboardInterrupt there: judge it as an error.
  if (outcome.problem && !(outcome.timedOut && cell.expectError)) {
    const hint = outcome.timedOut ? ' (add expect=error if the cell shows the limit)' : '';
    return [{ line: cell.line, message: `${outcome.problem}${hint}` }];
  }
  const problems: { line: number; message: string }[] = [];
  if (cell.expectError && !outcome.exception) problems.push({ line: cell.line, message: 'expected an exception (expect=error), but the cell raised none' });
  if (!cell.expectError && outcome.exception) {
    const { type, message, traceback } = outcome.exception;
    problems.push({ line: cell.line, message: `raised ${type}: ${message} (add expect=error if that is the point)\n${lastLines(traceback, 6)}` });
  }
  if (cell.expected && !outputMatches(cell.expected.text, outcome.output)) {
    problems.push({ line: cell.expected.line, message: `output differs from the expected block\n${describeMismatch(cell.expected.text, outcome.output)}` });
  }
  return problems;
}

/** The same program "Check my answer" runs in the browser: the check, told what the learner printed. */
function runCheck(kernel: CellKernel, exercise: LessonExercise, learnerStdout: string): Promise<Outcome> {
  return runInKernel(kernel, checkProgram(exercise.check.code, learnerStdout), exercise.id, exercise.timeoutSeconds);
}

function describeException(outcome: Outcome): string {
  if (outcome.problem) return outcome.problem;
  const exception = outcome.exception;
  return exception ? `${exception.type}: ${exception.message}` : 'no exception';
}

async function judgeExercise(kernel: CellKernel, exercise: LessonExercise): Promise<{ line: number; message: string }[]> {
  const problems: { line: number; message: string }[] = [];
  const starter = await runInKernel(kernel, exercise.starter.code, exercise.id, exercise.timeoutSeconds);
  if (starter.problem) problems.push({ line: exercise.starter.line, message: `the starter ${starter.problem}` });
  else if (starter.exception?.type === 'SyntaxError') {
    problems.push({ line: exercise.starter.line, message: `the starter does not compile: ${describeException(starter)}` });
  } else if (starter.ok) {
    const check = await runCheck(kernel, exercise, starter.stdout);
    if (check.problem) problems.push({ line: exercise.check.line, message: `the check ${check.problem} after the starter` });
    else if (check.ok) problems.push({ line: exercise.check.line, message: 'the starter passes its check: the check must fail until the exercise is solved' });
  }
  const solution = await runInKernel(kernel, exercise.solution.code, exercise.id, exercise.timeoutSeconds);
  if (!solution.ok) {
    problems.push({ line: exercise.solution.line, message: `the solution raised ${describeException(solution)}\n${lastLines(solution.output, 6)}` });
    return problems;
  }
  const check = await runCheck(kernel, exercise, solution.stdout);
  if (!check.ok) problems.push({ line: exercise.check.line, message: `the solution fails its check: ${describeException(check)}\n${lastLines(check.output, 6)}` });
  return problems;
}

function serverProblem(end: SandboxRunEnd, seconds: number): string | undefined {
  if (end.reason === 'finished' || end.reason === 'error') return undefined;
  if (end.reason === 'time_limit') return `ran past its time limit of ${seconds} s on the server kernel`;
  return `the server kernel ended the run: ${end.reason}${end.message ? ` (${end.message})` : ''}`;
}

async function runServerCell(server: SandboxAvailability & { available: true }, cell: LessonCell, setup: LessonCell[]): Promise<Outcome> {
  let output = '';
  let stdout = '';
  const seconds = cell.timeoutSeconds ?? defaultTimeoutSeconds;
  const before = cell.setup ? setup.filter((other) => other.line < cell.line) : setup;
  const end = await server.sandbox.run({ code: cell.code, setup: before.map((other) => other.code), timeoutSeconds: seconds }, (event) => {
    output += event.text;
    if (event.name === 'stdout') stdout += event.text;
  });
  const problem = serverProblem(end, seconds);
  if (problem) return { ok: false, stdout, output, problem };
  if (end.reason === 'error') {
    const lastLine = output.trimEnd().split('\n').at(-1) ?? '';
    const colon = lastLine.indexOf(':');
    const exception = { type: colon > 0 ? lastLine.slice(0, colon) : `exit status ${end.exitCode ?? '?'}`, message: colon > 0 ? lastLine.slice(colon + 1).trim() : '', traceback: output };
    return { ok: false, exception, stdout, output };
  }
  return { ok: true, stdout, output };
}

type LessonContext = { model: LessonModel; options: LessonRunOptions; setup: LessonCell[]; run: LessonRun };

function report(context: LessonContext, subject: string, problems: { line: number; message: string }[]): void {
  if (problems.length === 0) context.run.passed += 1;
  for (const problem of problems) context.run.failures.push({ file: context.model.file, subject, ...problem });
}

async function runItem(item: LessonItem, context: LessonContext): Promise<void> {
  const { options } = context;
  if (item.kind === 'exercise') {
    report(context, `exercise ${item.id}`, await judgeExercise(options.kernel, item));
    return;
  }
  if (item.kernel === 'browser') {
    report(context, `cell ${item.id}`, judgeCell(item, await runInKernel(options.kernel, item.code, item.id, item.timeoutSeconds)));
    return;
  }
  const server = await options.server();
  if (server.available) {
    report(context, `cell ${item.id}`, judgeCell(item, await runServerCell(server, item, context.setup)));
    return;
  }
  const finding = { file: context.model.file, line: item.line, subject: `cell ${item.id}`, message: `server cell not checked: ${server.reason}` };
  if (options.allowNoServer) context.run.warnings.push(finding);
  else context.run.failures.push({ ...finding, message: `${finding.message} (set AWAITABLE_LESSONS_ALLOW_NO_SERVER=1 to skip server cells)` });
}

export async function runLessonModel(model: LessonModel, options: LessonRunOptions): Promise<LessonRun> {
  const run: LessonRun = { passed: 0, failures: [], warnings: [], timings: [] };
  const setup = model.items.filter((item): item is LessonCell => item.kind === 'cell' && item.setup);
  for (const item of model.items) {
    const started = performance.now();
    await runItem(item, { model, options, setup, run });
    run.timings.push({ subject: `${item.kind} ${item.id}`, seconds: (performance.now() - started) / 1000 });
  }
  return run;
}
