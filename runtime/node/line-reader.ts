/** Lines of a stream, read only when asked for: a script that never calls input() leaves stdin alone. */
import { createInterface } from 'node:readline';
import type { Interface } from 'node:readline';

export class LineReader {
  private reader: Interface | undefined;
  private lines: AsyncIterator<string> | undefined;

  constructor(private readonly stream: NodeJS.ReadStream) {}

  /** The next line without its newline, or null at end of file. */
  async next(): Promise<string | null> {
    this.reader ??= createInterface({ input: this.stream, crlfDelay: Infinity, terminal: false });
    this.lines ??= this.reader[Symbol.asyncIterator]();
    const { value, done } = await this.lines.next();
    return done ? null : value;
  }

  /** Stop reading, so that an open terminal does not keep the process alive. */
  close(): void {
    if (!this.reader) return;
    this.reader.close();
    this.stream.destroy();
  }
}
