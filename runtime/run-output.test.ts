import { describe, expect, it } from 'vitest';
import { COALESCE_MS, RunOutput } from './run-output';
import type { OutputLimits, StreamName } from './protocol';
import { MAX_STREAM_CHUNK } from './protocol';

const bytes = (text: string) => new TextEncoder().encode(text);

function setup(limits: OutputLimits | null = null) {
  let now = 0;
  const sent: [StreamName, string][] = [];
  const truncations: OutputLimits[] = [];
  const output = new RunOutput(
    { stream: (name, text) => sent.push([name, text]), truncated: (reached) => truncations.push(reached) },
    limits,
    () => now,
  );
  return { output, sent, truncations, advance: (ms: number) => (now += ms) };
}

describe('RunOutput', () => {
  it('sends a write after a pause at once, and coalesces writes that follow it closely', () => {
    const { output, sent, advance } = setup();
    output.write('stdout', bytes('a\n'));
    output.write('stdout', bytes('b\n'));
    output.write('stdout', bytes('c\n'));
    expect(sent).toEqual([['stdout', 'a\n']]);
    advance(COALESCE_MS);
    output.poll();
    expect(sent).toEqual([['stdout', 'a\n'], ['stdout', 'b\nc\n']]);
  });

  it('keeps stdout and stderr apart and in order', () => {
    const { output, sent } = setup();
    output.write('stdout', bytes('1\n'));
    output.write('stderr', bytes('2\n'));
    output.write('stdout', bytes('3\n'));
    output.finish();
    expect(sent).toEqual([['stdout', '1\n'], ['stderr', '2\n'], ['stdout', '3\n']]);
  });

  it('sends protocol-sized chunks and never splits a character', () => {
    const { output, sent } = setup();
    const text = `${'x'.repeat(MAX_STREAM_CHUNK - 1)}😀${'y'.repeat(10)}`;
    const encoded = bytes(text);
    // Split the write inside the emoji's UTF-8 bytes, as a flush can.
    output.write('stdout', encoded.subarray(0, MAX_STREAM_CHUNK + 1));
    output.write('stdout', encoded.subarray(MAX_STREAM_CHUNK + 1));
    output.finish();
    expect(sent.map(([, chunk]) => chunk).join('')).toBe(text);
    expect(sent.every(([, chunk]) => chunk.length <= MAX_STREAM_CHUNK && !/^[\uDC00-\uDFFF]/.test(chunk))).toBe(true);
  });

  it('stops at the line limit, says so once, and counts what it dropped', () => {
    const limits = { maxBytes: 1_000, maxLines: 3 };
    const { output, sent, truncations } = setup(limits);
    output.write('stdout', bytes('1\n2\n'));
    output.write('stdout', bytes('3\n4\n'));
    output.write('stderr', bytes('5\n6'));
    expect(output.finish()).toEqual({ lines: 2, bytes: 5 });
    expect(sent.map(([, chunk]) => chunk).join('')).toBe('1\n2\n3\n');
    expect(truncations).toEqual([limits]);
  });

  it('stops at the byte limit', () => {
    const { output, sent } = setup({ maxBytes: 5, maxLines: 100 });
    output.write('stdout', bytes('abc\ndefgh\n'));
    expect(output.finish()).toEqual({ lines: 1, bytes: 5 });
    expect(sent).toEqual([['stdout', 'abc\nd']]);
  });

  it('has no limit when given none', () => {
    const { output } = setup(null);
    for (let line = 0; line < 20_000; line++) output.write('stdout', bytes(`${line}\n`));
    expect(output.finish()).toBeUndefined();
  });

  it("knows stdout's partial line, even once output is dropped", () => {
    const { output } = setup({ maxBytes: 1_000, maxLines: 1 });
    output.write('stdout', bytes('first line\nName'));
    output.write('stdout', bytes('? '));
    expect(output.prompt).toBe('Name? ');
    output.write('stdout', bytes('x\n(Pdb) '));
    expect(output.prompt).toBe('(Pdb) ');
  });
});
