/**
 * One run's stream output on its way out of the kernel. Coalesces small writes (a print
 * loop must not become a million messages), stops sending past the run's output limits
 * (counting what it drops), and keeps the partial line of stdout that `input()` shows as
 * its prompt.
 */
import { MAX_PROMPT, MAX_STREAM_CHUNK } from './protocol';
import type { OutputLimits, StreamName } from './protocol';

/**
 * What a run may print before the rest is dropped. Like Jupyter's IOPub rate limit and
 * Colab's output cap, the limit hides output and lets the program run on: stopping it
 * would change what the learner's program does, and the time limit bounds the run anyway.
 */
export const DEFAULT_OUTPUT_LIMITS: OutputLimits = { maxBytes: 1_000_000, maxLines: 10_000 };

/** Writes closer together than this leave as one message; a write after a pause leaves at once. */
export const COALESCE_MS = 50;

const NEWLINE = 0x0a;

export type OutputSink = {
  stream(name: StreamName, text: string): void;
  /** Called once, when the run first reaches its limits (after the text that fit was sent). */
  truncated(limits: OutputLimits): void;
};

export type DroppedOutput = { bytes: number; lines: number };

type Pending = { name: StreamName; text: string };

export class RunOutput {
  private pending: Pending[] = [];
  private pendingLength = 0;
  private lastSentAt = -Infinity;
  private shown = { bytes: 0, lines: 0 };
  private dropped: DroppedOutput | undefined;
  private stdoutTail = '';
  private readonly decoders: Record<StreamName, TextDecoder> = { stdout: new TextDecoder(), stderr: new TextDecoder() };
  private readonly promptDecoder = new TextDecoder();

  constructor(
    private readonly sink: OutputSink,
    private readonly limits: OutputLimits | null,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Bytes Python wrote to one of its streams. */
  write(name: StreamName, bytes: Uint8Array): void {
    const fits = this.dropped ? 0 : this.bytesThatFit(bytes);
    if (fits > 0) {
      const text = this.decoders[name].decode(bytes.subarray(0, fits), { stream: fits === bytes.length });
      if (name === 'stdout') this.trackPrompt(text);
      this.enqueue(name, text);
      this.shown.bytes += fits;
      this.shown.lines += countNewlines(bytes, 0, fits);
    }
    if (fits === bytes.length) return;
    const dropped = this.dropped ?? this.startDropping();
    dropped.bytes += bytes.length - fits;
    dropped.lines += countNewlines(bytes, fits, bytes.length);
    if (name === 'stdout') this.trackDroppedPrompt(bytes.subarray(fits));
  }

  /** Send what is pending if the coalescing window has passed (the kernel calls this often). */
  poll(): void {
    if (this.pendingLength > 0 && this.now() - this.lastSentAt >= COALESCE_MS) this.flush();
  }

  /** Send everything pending (before the kernel blocks, and when the run ends). */
  flush(): void {
    for (const { name, text } of this.pending) {
      for (const chunk of chunks(text)) this.sink.stream(name, chunk);
    }
    this.pending = [];
    this.pendingLength = 0;
    this.lastSentAt = this.now();
  }

  /** The partial line on stdout: what a terminal would show before the cursor. */
  get prompt(): string {
    return this.stdoutTail;
  }

  /** Flush, and return what was dropped (undefined if nothing was). */
  finish(): DroppedOutput | undefined {
    this.flush();
    return this.dropped;
  }

  private enqueue(name: StreamName, text: string): void {
    if (!text) return;
    const last = this.pending.at(-1);
    if (last?.name === name) last.text += text;
    else this.pending.push({ name, text });
    this.pendingLength += text.length;
    if (this.pendingLength >= MAX_STREAM_CHUNK) this.flush();
    else this.poll();
  }

  private bytesThatFit(bytes: Uint8Array): number {
    if (!this.limits) return bytes.length;
    let fits = Math.min(bytes.length, Math.max(0, this.limits.maxBytes - this.shown.bytes));
    const linesLeft = this.limits.maxLines - this.shown.lines;
    let position = -1;
    for (let line = 0; line < linesLeft; line++) {
      position = bytes.indexOf(NEWLINE, position + 1);
      if (position < 0 || position >= fits) return fits;
    }
    // The last line allowed ends inside this write: keep it, newline included.
    fits = Math.min(fits, position + 1);
    return fits;
  }

  private startDropping(): DroppedOutput {
    const dropped = { bytes: 0, lines: 0 };
    this.dropped = dropped;
    this.flush();
    if (this.limits) this.sink.truncated(this.limits);
    return dropped;
  }

  private trackPrompt(text: string): void {
    const newline = text.lastIndexOf('\n');
    const tail = newline < 0 ? this.stdoutTail + text : text.slice(newline + 1);
    this.stdoutTail = tail.length > MAX_PROMPT ? tail.slice(-MAX_PROMPT) : tail;
  }

  /** Dropped text is not decoded as it streams; the prompt needs only what follows its last newline. */
  private trackDroppedPrompt(bytes: Uint8Array): void {
    const newline = bytes.lastIndexOf(NEWLINE);
    if (newline >= 0) this.stdoutTail = '';
    if (newline + 1 < bytes.length) this.trackPrompt(this.promptDecoder.decode(bytes.subarray(newline + 1)));
  }
}

function countNewlines(bytes: Uint8Array, start: number, end: number): number {
  let count = 0;
  for (let position = bytes.indexOf(NEWLINE, start); position >= 0 && position < end; position = bytes.indexOf(NEWLINE, position + 1)) {
    count += 1;
  }
  return count;
}

/** Split text into protocol-sized chunks without splitting a surrogate pair. */
function* chunks(text: string): Generator<string> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + MAX_STREAM_CHUNK, text.length);
    if (end < text.length && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
    yield text.slice(start, end);
    start = end;
  }
}
