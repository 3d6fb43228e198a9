/**
 * The shared interrupt buffer: one Int32 in a SharedArrayBuffer. The client stores a
 * signal number in it; the kernel both waits on it (so sleeps end early) and hands it
 * to Pyodide (so running bytecode raises KeyboardInterrupt).
 */

export const SIGINT = 2;

export function createInterruptBuffer(): Int32Array<SharedArrayBuffer> {
  return new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
}

/** Client side: ask the kernel to raise KeyboardInterrupt. */
export function signalInterrupt(buffer: Int32Array): void {
  Atomics.store(buffer, 0, SIGINT);
  Atomics.notify(buffer, 0);
}

/** Kernel side: block up to timeoutMs or until a signal arrives; take and return it (0 if none). */
export function waitForSignal(buffer: Int32Array, timeoutMs: number): number {
  Atomics.wait(buffer, 0, 0, timeoutMs);
  return Atomics.exchange(buffer, 0, 0);
}

/**
 * The view Pyodide polls. Pyodide reads the signal and then clears it in two separate
 * steps, so a signal stored between them is lost (2-7 in 100 when measured). Reading
 * through this proxy takes the signal atomically and ignores Pyodide's clearing write.
 */
export function interruptBufferForPyodide(buffer: Int32Array): Int32Array {
  return new Proxy(buffer, {
    get(target, property) {
      if (property === '0') return Atomics.exchange(target, 0, 0);
      return Reflect.get(target, property, target);
    },
    set(target, property, value) {
      if (property === '0') return true;
      return Reflect.set(target, property, value, target);
    },
  });
}
