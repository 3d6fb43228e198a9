/**
 * The script of the kernel's worker inside the kernel frame. An opaque origin can only start
 * a worker from a blob: URL, and there a module worker fails to start, so this is a classic
 * worker that imports the kernel's module bundle. Pyodide refuses classic workers (it probes
 * `importScripts`), so the script hides `importScripts` first. Messages that arrive while
 * the bundle loads are held, then replayed to the listener the bundle installs.
 */
import { PROTOCOL_VERSION } from '../protocol';

export function workerBootstrapSource(moduleUrl: string): string {
  return `(${bootstrap.toString()})(${JSON.stringify(moduleUrl)}, ${PROTOCOL_VERSION});\n`;
}

/** Runs in the worker as source text: it may use only its arguments and the worker's globals. */
function bootstrap(moduleUrl: string, version: number): void {
  const held: unknown[] = [];
  const hold = (event: MessageEvent<unknown>) => held.push(event.data);
  addEventListener('message', hold);
  Object.defineProperty(globalThis, 'importScripts', { value: undefined, configurable: true });
  import(/* webpackIgnore: true */ /* turbopackIgnore: true */ moduleUrl).then(
    () => {
      removeEventListener('message', hold);
      for (const data of held) dispatchEvent(new MessageEvent('message', { data }));
    },
    (error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      postMessage({ v: version, type: 'kernel.failed', message: `Could not load the kernel (${moduleUrl}): ${reason}` });
    },
  );
}
