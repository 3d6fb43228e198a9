/**
 * `npm run py -- FILE.py [ARGS...]`: run a file in the Awaitable kernel (Pyodide under Node)
 * as `python FILE.py` would: same output, tracebacks and exit status.
 * `npm run py -- --kernel server FILE.py`: run it in the server kernel's sandbox instead
 * (CPython with real threads, as `kernel="server"` cells run; no arguments, no stdin).
 * `npm run py -- --trace trace.json FILE.py`: also write a trace of its event loops
 * (docs/TRACE.md) to trace.json; with `--trace-steps`, also the loop's steps (ready queue,
 * timers and task tree at each iteration).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { runFileInSandbox } from '../server/cli-run';
import { TracingError, runTraced } from '../trace/traced-run';
import { LineReader } from './line-reader';
import { NodeKernel } from './node-kernel';
import type { RunResult } from './node-kernel';

const EXIT_USAGE = 2;
const EXIT_INTERRUPTED = 130;

const USAGE = 'usage: npm run py -- [--kernel pyodide|server] [--trace TRACE.json [--trace-steps]] FILE.py [ARGS...]\n';

type CliOptions = { kernel: string; trace: string | undefined; traceSteps: boolean; rest: string[] };

/** `--kernel NAME`, `--trace FILE` (or `--opt=VALUE`) and `--trace-steps` before the file; the rest goes to the script. */
function parseOptions(args: string[]): CliOptions {
  const options: CliOptions = { kernel: 'pyodide', trace: undefined, traceSteps: false, rest: args };
  for (;;) {
    const [first = '', second, ...others] = options.rest;
    if (first === '--trace-steps') {
      options.traceSteps = true;
      options.rest = options.rest.slice(1);
      continue;
    }
    const match = /^--(kernel|trace)(?:=(.*))?$/.exec(first);
    if (!match) return options;
    const [, name, inline] = match;
    const value = inline ?? second ?? '';
    if (name === 'kernel') options.kernel = value;
    else options.trace = value;
    options.rest = inline === undefined ? others : options.rest.slice(1);
  }
}

/** Run with the event loop traced, then write the trace (the script's result either way). */
async function runAndWriteTrace(
  kernel: NodeKernel,
  runScript: () => Promise<RunResult>,
  tracePath: string,
  steps: boolean,
): Promise<RunResult> {
  let traced: Awaited<ReturnType<typeof runTraced>>;
  try {
    traced = await runTraced(kernel, runScript, { steps });
  } catch (error) {
    if (!(error instanceof TracingError) || !error.result) throw error;
    process.stderr.write(`py: no trace written: ${error.message}\n`);
    return error.result;
  }
  const { result, trace } = traced;
  const path = resolve(tracePath);
  writeFileSync(path, `${JSON.stringify(trace)}\n`);
  const slices = trace.events.filter((event) => event.type === 'slice').length;
  const stepCount = trace.events.filter((event) => event.type === 'step').length;
  const counts = `${trace.events.length} events, ${slices} task slices${trace.steps ? `, ${stepCount} loop steps` : ''}`;
  process.stderr.write(`py: wrote the trace (${counts}) to ${path}\n`);
  if (trace.note) process.stderr.write(`py: ${trace.note}\n`);
  return result;
}

async function main(argv: string[]): Promise<number> {
  const { kernel: kernelName, trace: tracePath, traceSteps, rest: args } = parseOptions(argv);
  if (kernelName !== 'pyodide' && kernelName !== 'server') {
    process.stderr.write(`py: --kernel must be "pyodide" or "server", not "${kernelName}"\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (tracePath === '') {
    process.stderr.write(`py: --trace needs the file to write the trace to\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (traceSteps && tracePath === undefined) {
    process.stderr.write(`py: --trace-steps needs --trace FILE\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (tracePath !== undefined && !existsSync(dirname(resolve(tracePath)))) {
    process.stderr.write(`py: can't write the trace to '${resolve(tracePath)}': no such directory\n`);
    return EXIT_USAGE;
  }
  const [file, ...rest] = args;
  if (!file) {
    process.stderr.write(USAGE);
    return EXIT_USAGE;
  }
  const path = resolve(file);
  let code: string;
  try {
    code = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`py: can't open file '${path}': ${reason}\n`);
    return EXIT_USAGE;
  }
  if (kernelName === 'server') {
    if (tracePath !== undefined) {
      process.stderr.write('py: --trace traces the pyodide kernel only\n');
      return EXIT_USAGE;
    }
    if (rest.length > 0) process.stderr.write('py: the server kernel runs a file without arguments; ignoring them\n');
    return runFileInSandbox(path, code);
  }

  const kernel = new NodeKernel();
  const stdin = new LineReader(process.stdin);
  let interrupts = 0;
  process.on('SIGINT', () => {
    // The first Ctrl-C raises KeyboardInterrupt; a second one gives up on the kernel.
    if (++interrupts > 1) process.exit(EXIT_INTERRUPTED);
    kernel.interrupt();
  });
  try {
    const runScript = () =>
      kernel.runScript(path, code, [file, ...rest], {
        timeoutMs: Infinity,
        outputLimits: null,
        onStream: (name, text) => process[name].write(text),
        onInputRequest: () => void stdin.next().then((line) => kernel.provideInput(line)),
      });
    const result = tracePath === undefined ? await runScript() : await runAndWriteTrace(kernel, runScript, tracePath, traceSteps);
    // A script that ran to its end printed its own traceback, as Python does; a kernel that
    // died or timed out did not.
    if (result.exitCode === undefined && result.error) {
      const { type, message, traceback } = result.error;
      process.stderr.write(traceback || `${type}: ${message}\n`);
    }
    return result.exitCode ?? (result.status === 'ok' ? 0 : 1);
  } finally {
    stdin.close();
    kernel.dispose();
  }
}

process.exitCode = await main(process.argv.slice(2));
