/**
 * The stdin channel: a SharedArrayBuffer through which a line of input reaches Python while
 * the kernel's thread is blocked in `input()`. Its owner (the thread that spawned the worker)
 * writes a line into it; the kernel waits on it with Atomics.wait.
 *
 * Layout: Int32 [state, byteLength], then the line's UTF-8 bytes.
 */

/** Most bytes one reply can carry (a longer reply is cut at a character boundary). */
export const STDIN_CAPACITY = 1 << 20;

const STATE = 0;
const LENGTH = 1;
const HEADER_BYTES = 2 * Int32Array.BYTES_PER_ELEMENT;
/** Nobody waits. */
const IDLE = 0;
/** The kernel waits for a line. */
const WAITING = 1;
const LINE = 2;
const EOF = 3;
/**
 * The kernel also watches the interrupt buffer while it waits. An interrupt notifies this
 * buffer too, but a notification can land just before the wait starts: re-check this often.
 */
const INTERRUPT_CHECK_MS = 50;

export function createStdinBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + STDIN_CAPACITY);
}

/**
 * Owner side: answer the kernel's pending request with a line (a newline is added) or with
 * end of file (`null`). Returns false, and does nothing, if the kernel is not waiting.
 */
export function provideStdin(buffer: SharedArrayBuffer, text: string | null): boolean {
  const header = new Int32Array(buffer, 0, 2);
  if (Atomics.load(header, STATE) !== WAITING) return false;
  if (text === null) {
    Atomics.store(header, LENGTH, 0);
  } else {
    // Browsers refuse to encodeInto a view of shared memory: encode aside (UTF-8 takes at
    // most 3 bytes per UTF-16 unit), then copy.
    const line = `${text}\n`;
    const bytes = new Uint8Array(Math.min(STDIN_CAPACITY, line.length * 3));
    const { written } = new TextEncoder().encodeInto(line, bytes);
    new Uint8Array(buffer, HEADER_BYTES).set(bytes.subarray(0, written));
    Atomics.store(header, LENGTH, written);
  }
  Atomics.store(header, STATE, text === null ? EOF : LINE);
  Atomics.notify(header, STATE);
  return true;
}

/** Wake a kernel that waits for input, so that it notices a signal at once. */
export function wakeStdinWaiter(buffer: SharedArrayBuffer): void {
  Atomics.notify(new Int32Array(buffer, 0, 2), STATE);
}

export type StdinReply = { kind: 'line'; text: string } | { kind: 'eof' } | { kind: 'signal'; signal: number };

/**
 * Kernel side: mark the channel as waiting, tell the owner (`announce`), and block until a
 * line, end of file, or a signal in `interruptBuffer` arrives (the signal is taken from it).
 */
export function awaitStdin(buffer: SharedArrayBuffer, interruptBuffer: Int32Array, announce: () => void): StdinReply {
  const header = new Int32Array(buffer, 0, 2);
  // A reply that arrived while nobody waited (a stale answer) is dropped here.
  Atomics.store(header, STATE, WAITING);
  announce();
  for (;;) {
    const signal = Atomics.exchange(interruptBuffer, 0, 0);
    if (signal) {
      Atomics.store(header, STATE, IDLE);
      return { kind: 'signal', signal };
    }
    Atomics.wait(header, STATE, WAITING, INTERRUPT_CHECK_MS);
    const state = Atomics.load(header, STATE);
    if (state === EOF) {
      Atomics.store(header, STATE, IDLE);
      return { kind: 'eof' };
    }
    if (state === LINE) {
      // Copy out of shared memory: TextDecoder refuses views of a SharedArrayBuffer.
      const bytes = new Uint8Array(buffer, HEADER_BYTES, Atomics.load(header, LENGTH)).slice();
      Atomics.store(header, STATE, IDLE);
      return { kind: 'line', text: new TextDecoder().decode(bytes) };
    }
  }
}
