/**
 * The client's side of name completion: each request gets an id and waits for the
 * kernel's answer, or for a short time limit (a busy or dead kernel answers nothing).
 */
import type { CompletionsEvent } from './protocol';

export type Completions = { from: number; matches: string[] };

const COMPLETION_TIMEOUT_MS = 1_000;

export class CompletionRequests {
  private readonly pending = new Map<string, (completions: Completions | null) => void>();
  private counter = 0;

  /** Sends a request through `send` and resolves with the answer, or null. */
  request(send: (requestId: string) => void): Promise<Completions | null> {
    const requestId = `complete-${++this.counter}`;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(requestId, null), COMPLETION_TIMEOUT_MS);
      this.pending.set(requestId, (completions) => {
        clearTimeout(timer);
        resolve(completions);
      });
      send(requestId);
    });
  }

  /** An answer from the kernel; one for an unknown or expired id is ignored. */
  answer(event: CompletionsEvent): void {
    this.settle(event.requestId, { from: event.from, matches: event.matches });
  }

  /** The kernel went away: nobody will answer. */
  abandonAll(): void {
    for (const requestId of [...this.pending.keys()]) this.settle(requestId, null);
  }

  private settle(requestId: string, completions: Completions | null): void {
    const resolve = this.pending.get(requestId);
    if (!resolve) return;
    this.pending.delete(requestId);
    resolve(completions);
  }
}
