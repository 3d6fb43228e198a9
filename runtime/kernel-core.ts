/**
 * The kernel itself: boots Pyodide, installs the Python side, runs code.
 * No transport here: hosts (Web Worker, Node worker_threads) wrap it.
 */
import type { PyodideAPI, loadPyodide } from 'pyodide';
import * as z from 'zod/mini';
import { InspectionPart, MAX_COMPLETION, MAX_COMPLETIONS, MAX_TEXT, capText } from './protocol';
import type { KernelErrorInfo, PreloadedFiles, RunOutcome, RunRequest, StreamName } from './protocol';
import { interruptBufferForPyodide, waitForSignal } from './interrupt-buffer';
import { DEFAULT_OUTPUT_LIMITS, RunOutput } from './run-output';
import type { OutputSink } from './run-output';
import { awaitStdin } from './stdin-buffer';
import { withPreloadedFiles } from './preloaded-files';

export type LoadPyodide = typeof loadPyodide;
/** The files of runtime/python, keyed by their path relative to it (`awaitable_kernel/cell_runner.py`). */
export type PythonSources = Readonly<Record<string, string>>;
export type BootStage = 'runtime' | 'kernel';
/** Where a run's events go. */
export type RunSink = OutputSink & { inputRequest(prompt: string): void };

export type KernelCoreOptions = {
  loadPyodide: LoadPyodide;
  indexURL: string;
  interruptBuffer: Int32Array;
  stdinBuffer: SharedArrayBuffer;
  pythonSources: PythonSources;
  /** Pyodide's large files, fetched by someone else (null: fetch them by URL after all). */
  preloaded?: Promise<PreloadedFiles | null>;
  onStage?: (stage: BootStage, progress: number) => void;
};

/** Where the Python side lives inside Pyodide's file system (and so in its frames). */
const PYTHON_ROOT = '/awaitable';
/** Output waiting to be coalesced leaves before the kernel blocks at least this long. */
const FLUSH_BEFORE_WAIT_MS = 10;

const PythonOutcome = z.object({
  status: z.enum(['ok', 'error', 'interrupted']),
  value: z.optional(z.string()),
  error: z.optional(z.object({ type: z.string(), message: z.string(), traceback: z.string() })),
  exit_code: z.optional(z.int()),
  inspection: z.optional(z.object({ trace: z.optional(InspectionPart), bytecode: z.optional(InspectionPart) })),
});

/** Thrown by `run` when Pyodide can no longer be used; the host must be replaced. */
export class KernelFatalError extends Error {
  override name = 'KernelFatalError';
}

type ActiveRun = { output: RunOutput; sink: RunSink };
type PythonEntry = 'run_cell' | 'run_script' | 'complete' | 'run_cell_inspected' | 'run_script_inspected';
/** Where each entry point lives. */
const ENTRY_MODULES: Record<PythonEntry, string> = {
  run_cell: 'awaitable_kernel.cell_runner',
  run_script: 'awaitable_kernel.cell_runner',
  complete: 'awaitable_kernel.cell_runner',
  run_cell_inspected: 'awaitable_kernel.inspection',
  run_script_inspected: 'awaitable_kernel.inspection',
};
type PythonFunction = InstanceType<PyodideAPI['ffi']['PyCallable']>;

export class KernelCore {
  private active: ActiveRun | undefined;
  private executionCount = 0;
  /** The cell runner's entry points, looked up once (a trivial cell's run is ~60 µs). */
  private readonly entries = new Map<PythonEntry, PythonFunction>();

  private constructor(
    private readonly pyodide: PyodideAPI,
    private readonly interruptBuffer: Int32Array,
    private readonly stdinBuffer: SharedArrayBuffer,
  ) {}

  static async boot(options: KernelCoreOptions): Promise<KernelCore> {
    options.onStage?.('runtime', 0.1);
    const load = () => options.loadPyodide({ indexURL: options.indexURL });
    const pyodide = await (options.preloaded ? withPreloadedFiles(options.indexURL, options.preloaded, load) : load());
    options.onStage?.('kernel', 0.9);
    const core = new KernelCore(pyodide, options.interruptBuffer, options.stdinBuffer);
    core.connectStreams();
    // File descriptor 0 stays closed: Python's sys.stdin reads through the stdin channel.
    pyodide.setStdin({ error: true });
    pyodide.setInterruptBuffer(interruptBufferForPyodide(options.interruptBuffer, () => core.active?.output.poll()));
    core.installPython(options.pythonSources);
    return core;
  }

  /** Run code to completion (synchronously: the host's thread is busy until it ends). */
  run(request: RunRequest, sink: RunSink): RunOutcome {
    // An interrupt that arrived after the previous run ended must not hit this one.
    Atomics.store(this.interruptBuffer, 0, 0);
    const limits = request.outputLimits === undefined ? DEFAULT_OUTPUT_LIMITS : request.outputLimits;
    const active: ActiveRun = { output: new RunOutput(sink, limits), sink };
    this.active = active;
    try {
      const outcome = this.runCode(request);
      const droppedOutput = active.output.finish();
      const heapBytes = this.heapBytes();
      return { ...outcome, ...(droppedOutput && { droppedOutput }), ...(heapBytes !== undefined && { heapBytes }) };
    } finally {
      active.output.flush(); // after a fatal error too: Pyodide's crash report may be in it
      this.active = undefined;
    }
  }

  private runCode(request: RunRequest): RunOutcome {
    // Inspected runs go through the same runner, with tracing around it (inspection.py).
    const inspect = request.inspect && (request.inspect.trace || request.inspect.bytecode) ? [JSON.stringify(request.inspect)] : [];
    try {
      if (request.mode === 'script') {
        const filename = request.filename ?? '<script>';
        const entry = inspect.length ? 'run_script_inspected' : 'run_script';
        return toOutcome(this.callPython(entry, request.code, filename, request.argv ?? [filename], ...inspect));
      }
      const executionCount = ++this.executionCount;
      const entry = inspect.length ? 'run_cell_inspected' : 'run_cell';
      const outcome = this.callPython(entry, request.code, `<cell-${executionCount}>`, ...inspect);
      return { ...toOutcome(outcome), executionCount };
    } catch (error) {
      return this.describeEscapedError(error);
    }
  }

  private connectStreams(): void {
    const writerFor = (name: StreamName) => (bytes: Uint8Array) => {
      this.active?.output.write(name, bytes); // output outside a run (e.g. at boot) belongs to no cell
      return bytes.length;
    };
    this.pyodide.setStdout({ write: writerFor('stdout') });
    this.pyodide.setStderr({ write: writerFor('stderr') });
  }

  /** The event loop's and time.sleep's wait: send pending output first, then block. */
  private waitForSignal(timeoutMs: number): number {
    const output = this.active?.output;
    if (timeoutMs >= FLUSH_BEFORE_WAIT_MS) output?.flush();
    else output?.poll();
    return waitForSignal(this.interruptBuffer, timeoutMs);
  }

  /** sys.stdin's read: a line (newline included), '' for end of file, or a signal number. */
  private readLine(): string | number {
    const active = this.active;
    if (!active) return '';
    active.output.flush();
    const reply = awaitStdin(this.stdinBuffer, this.interruptBuffer, () => active.sink.inputRequest(active.output.prompt));
    if (reply.kind === 'signal') return reply.signal;
    return reply.kind === 'line' ? reply.text : '';
  }

  /** WebAssembly memory only grows: the client recycles a kernel whose heap got large. */
  private heapBytes(): number | undefined {
    const module: unknown = Reflect.get(this.pyodide, '_module'); // Pyodide's Emscripten module (private)
    if (typeof module !== 'object' || module === null || !('HEAP8' in module)) return undefined;
    return module.HEAP8 instanceof Int8Array ? module.HEAP8.buffer.byteLength : undefined;
  }

  private installPython(sources: PythonSources): void {
    for (const [path, text] of Object.entries(sources)) {
      const fullPath = `${PYTHON_ROOT}/${path}`;
      this.pyodide.FS.mkdirTree(fullPath.slice(0, fullPath.lastIndexOf('/')));
      this.pyodide.FS.writeFile(fullPath, text);
    }
    this.pyodide.runPython(`import sys; sys.path.append(${JSON.stringify(PYTHON_ROOT)})`);
    const install = this.pythonFunction('awaitable_kernel.install');
    install(
      (timeoutMs: number) => this.waitForSignal(timeoutMs),
      () => this.readLine(),
    );
    install.destroy();
  }

  /** Completions for the editor; the kernel is idle whenever this runs (requests never overlap runs). */
  complete(code: string, cursor: number): { from: number; matches: string[] } {
    const found = this.callPython('complete', code, cursor);
    if (typeof found !== 'object' || found === null) return { from: cursor, matches: [] };
    const from = 'from' in found && typeof found.from === 'number' ? found.from : cursor;
    const matches = 'matches' in found && Array.isArray(found.matches) ? found.matches : [];
    return {
      from,
      matches: matches
        .filter((match): match is string => typeof match === 'string' && match.length <= MAX_COMPLETION)
        .slice(0, MAX_COMPLETIONS),
    };
  }

  private callPython(name: PythonEntry, ...args: unknown[]): unknown {
    let fn = this.entries.get(name);
    if (!fn) {
      fn = this.pythonFunction(`${ENTRY_MODULES[name]}.${name}`);
      this.entries.set(name, fn);
    }
    const result: unknown = fn(...args);
    if (!(result instanceof this.pyodide.ffi.PyProxy)) return result;
    try {
      const converted: unknown = result.toJs({ dict_converter: Object.fromEntries });
      return converted;
    } finally {
      destroyQuietly(result);
    }
  }

  private pythonFunction(dottedName: string): PythonFunction {
    const fn: unknown = this.pyodide.pyimport(dottedName);
    if (!(fn instanceof this.pyodide.ffi.PyCallable)) {
      throw new KernelFatalError(`${dottedName} is not a Python function`);
    }
    return fn;
  }

  /** An exception that got past the Python runner (say, an interrupt inside its own cleanup). */
  private describeEscapedError(error: unknown): RunOutcome {
    if (this.isPythonError(error)) {
      const info: KernelErrorInfo = {
        type: error.type,
        message: capText(error.message),
        traceback: capText(error.message),
      };
      return { status: error.type === 'KeyboardInterrupt' ? 'interrupted' : 'error', error: info };
    }
    const reason = error instanceof Error ? error.message : String(error);
    const hint = /call stack/i.test(reason) ? ' (too deep a recursion for the JavaScript stack)' : '';
    throw new KernelFatalError(`Python crashed${hint}: ${reason}`);
  }

  private isPythonError(error: unknown): error is InstanceType<PyodideAPI['ffi']['PythonError']> {
    try {
      return error instanceof this.pyodide.ffi.PythonError;
    } catch {
      return false; // after a fatal error every Pyodide API throws
    }
  }
}

/** Release a Python object; after a fatal error this throws, and must not hide that error. */
function destroyQuietly(proxy: { destroy(): void }): void {
  try {
    proxy.destroy();
  } catch {
    // Pyodide is already unusable; the caller reports why.
  }
}

function toOutcome(raw: unknown): RunOutcome {
  const parsed = PythonOutcome.parse(raw);
  const outcome: RunOutcome = { status: parsed.status };
  if (parsed.value !== undefined) outcome.value = capText(parsed.value, MAX_TEXT);
  if (parsed.error) {
    outcome.error = {
      type: capText(parsed.error.type, 1024),
      message: capText(parsed.error.message),
      traceback: capText(parsed.error.traceback),
    };
  }
  if (parsed.exit_code !== undefined) outcome.exitCode = parsed.exit_code;
  if (parsed.inspection) outcome.inspection = parsed.inspection;
  return outcome;
}
