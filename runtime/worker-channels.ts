/**
 * The shared memory between a kernel worker and the thread that spawned it. It lives
 * beside the worker (the Node main thread, or the browser's kernel frame), never in the
 * page: browsers cannot post a SharedArrayBuffer into the frame's opaque origin, so the
 * page reaches these channels through messages and the frame writes them.
 */
import { createInterruptBuffer, signalInterrupt } from './interrupt-buffer';
import { PROTOCOL_VERSION } from './protocol';
import type { InitRequest } from './protocol';
import { createStdinBuffer, provideStdin, wakeStdinWaiter } from './stdin-buffer';

export type WorkerChannels = {
  /** The `kernel.init` request that hands the channels to a new worker (`preloaded`: a `kernel.assets` follows). */
  initRequest(pyodideBaseUrl: string, preloaded?: boolean): InitRequest;
  /** Raise KeyboardInterrupt in the running code, and end the kernel's waits. */
  interrupt(): void;
  /** Answer a waiting `input()`: a line (without its newline), or `null` for end of file. */
  provideInput(text: string | null): void;
};

export function createWorkerChannels(): WorkerChannels {
  const interruptBuffer = createInterruptBuffer();
  const stdinBuffer = createStdinBuffer();
  return {
    initRequest: (pyodideBaseUrl, preloaded) => ({
      v: PROTOCOL_VERSION,
      type: 'kernel.init',
      pyodideBaseUrl,
      interruptBuffer: interruptBuffer.buffer,
      stdinBuffer,
      ...(preloaded && { preloaded }),
    }),
    interrupt: () => {
      signalInterrupt(interruptBuffer);
      wakeStdinWaiter(stdinBuffer);
    },
    provideInput: (text) => void provideStdin(stdinBuffer, text),
  };
}
