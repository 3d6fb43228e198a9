/**
 * One run's output budget: bytes and lines of stdout and stderr together. Bytes are decoded as
 * UTF-8 per stream (a character split across reads is kept whole) and passed on until the
 * budget is spent; what is past it is dropped and `exceeded` turns true.
 */
export type StreamName = 'stdout' | 'stderr';

export class OutputCap {
  private bytes = 0;
  private lines = 0;
  private readonly decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };
  exceeded = false;

  constructor(
    private readonly maxBytes: number,
    private readonly maxLines: number,
  ) {}

  /** The text of `chunk` that fits in the budget ('' when none does). */
  take(name: StreamName, chunk: Uint8Array): string {
    if (this.exceeded) return '';
    let end = chunk.length;
    if (this.bytes + end > this.maxBytes) {
      end = this.maxBytes - this.bytes;
      this.exceeded = true;
    }
    let lineStart = 0;
    for (let index = 0; index < end; index++) {
      if (chunk[index] !== 0x0a) continue;
      this.lines += 1;
      if (this.lines > this.maxLines) {
        end = lineStart; // the line past the limit is not shown at all
        this.exceeded = true;
        break;
      }
      lineStart = index + 1;
    }
    this.bytes += end;
    return this.decoders[name].decode(chunk.subarray(0, end), { stream: !this.exceeded });
  }

  /** Whatever partial characters the decoders still hold, at the end of the run. */
  flush(name: StreamName): string {
    return this.exceeded ? '' : this.decoders[name].decode();
  }
}
