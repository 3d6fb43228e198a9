/**
 * The kernel itself: boots Pyodide, installs the Python side, runs code.
 * No transport here: hosts (Web Worker, Node worker_threads) wrap it.
 */
import type { PyodideAPI, loadPyodide } from 'pyodide';
import * as z from 'zod/mini';
import { MAX_STREAM_CHUNK, MAX_TEXT, capText } from './protocol';
import type { KernelErrorInfo, RunOutcome, RunRequest, StreamName } from './protocol';
import { interruptBufferForPyodide, waitForSignal } from './interrupt-buffer';

export type LoadPyodide = typeof loadPyodide;
/** The files of runtime/python, keyed by their path relative to it (`awaitable_kernel/cell_runner.py`). */
export type PythonSources = Readonly<Record<string, string>>;
export type StreamListener = (name: StreamName, text: string) => void;
export type BootStage = 'runtime' | 'kernel';

export type KernelCoreOptions = {
  loadPyodide: LoadPyodide;
  indexURL: string;
  interruptBuffer: Int32Array;
  pythonSources: PythonSources;
  onStage?: (stage: BootStage, progress: number) => void;
};

/** Where the Python side lives inside Pyodide's file system (and so in its frames). */
const PYTHON_ROOT = '/awaitable';

const PythonOutcome = z.object({
  status: z.enum(['ok', 'error', 'interrupted']),
  value: z.optional(z.string()),
  error: z.optional(z.object({ type: z.string(), message: z.string(), traceback: z.string() })),
  exit_code: z.optional(z.int()),
});

/** Thrown by `run` when Pyodide can no longer be used; the host must be replaced. */
export class KernelFatalError extends Error {
  override name = 'KernelFatalError';
}

export class KernelCore {
  private streamListener: StreamListener | undefined;
  private executionCount = 0;

  private constructor(
    private readonly pyodide: PyodideAPI,
    private readonly interruptBuffer: Int32Array,
  ) {}

  static async boot(options: KernelCoreOptions): Promise<KernelCore> {
    options.onStage?.('runtime', 0.1);
    const pyodide = await options.loadPyodide({ indexURL: options.indexURL });
    options.onStage?.('kernel', 0.9);
    const core = new KernelCore(pyodide, options.interruptBuffer);
    core.connectStreams();
    pyodide.setStdin({ error: true });
    pyodide.setInterruptBuffer(interruptBufferForPyodide(options.interruptBuffer));
    core.installPython(options.pythonSources);
    return core;
  }

  /** Run code to completion (synchronously: the host's thread is busy until it ends). */
  run(request: RunRequest, onStream: StreamListener): RunOutcome {
    // An interrupt that arrived after the previous run ended must not hit this one.
    Atomics.store(this.interruptBuffer, 0, 0);
    this.streamListener = onStream;
    try {
      if (request.mode === 'script') {
        const filename = request.filename ?? '<script>';
        return toOutcome(this.callPython('run_script', request.code, filename, request.argv ?? [filename]));
      }
      const executionCount = ++this.executionCount;
      const outcome = this.callPython('run_cell', request.code, `<cell-${executionCount}>`);
      return { ...toOutcome(outcome), executionCount };
    } catch (error) {
      return this.describeEscapedError(error);
    } finally {
      this.streamListener = undefined;
    }
  }

  /** Every flushed chunk goes out as it comes (`batched` would hold back partial lines). */
  private connectStreams(): void {
    this.pyodide.setStdout({ write: this.writerFor('stdout') });
    this.pyodide.setStderr({ write: this.writerFor('stderr') });
  }

  private writerFor(name: StreamName): (bytes: Uint8Array) => number {
    const decoder = new TextDecoder();
    return (bytes) => {
      this.emit(name, decoder.decode(bytes, { stream: true }));
      return bytes.length;
    };
  }

  private emit(name: StreamName, text: string): void {
    const listener = this.streamListener;
    if (!listener) return; // output outside a run (e.g. at boot) belongs to no cell
    for (let start = 0; start < text.length; ) {
      let end = Math.min(start + MAX_STREAM_CHUNK, text.length);
      // Do not split a surrogate pair between two chunks.
      if (end < text.length && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
      listener(name, text.slice(start, end));
      start = end;
    }
  }

  private installPython(sources: PythonSources): void {
    for (const [path, text] of Object.entries(sources)) {
      const fullPath = `${PYTHON_ROOT}/${path}`;
      this.pyodide.FS.mkdirTree(fullPath.slice(0, fullPath.lastIndexOf('/')));
      this.pyodide.FS.writeFile(fullPath, text);
    }
    this.pyodide.runPython(`import sys; sys.path.append(${JSON.stringify(PYTHON_ROOT)})`);
    const install = this.pythonFunction('awaitable_kernel.event_loop.install');
    install((timeoutMs: number) => waitForSignal(this.interruptBuffer, timeoutMs));
    install.destroy();
  }

  private callPython(name: 'run_cell' | 'run_script', ...args: unknown[]): unknown {
    const fn = this.pythonFunction(`awaitable_kernel.cell_runner.${name}`);
    try {
      const result: unknown = fn(...args);
      if (!(result instanceof this.pyodide.ffi.PyProxy)) return result;
      try {
        const converted: unknown = result.toJs({ dict_converter: Object.fromEntries });
        return converted;
      } finally {
        destroyQuietly(result);
      }
    } finally {
      destroyQuietly(fn);
    }
  }

  private pythonFunction(dottedName: string) {
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
  return outcome;
}
