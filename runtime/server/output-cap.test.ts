import { describe, expect, it } from 'vitest';
import { OutputCap } from './output-cap';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('OutputCap', () => {
  it('passes text through until the byte budget is spent, then drops the rest', () => {
    const cap = new OutputCap(10, 100);
    expect(cap.take('stdout', bytes('hello '))).toBe('hello ');
    expect(cap.exceeded).toBe(false);
    expect(cap.take('stderr', bytes('world, again'))).toBe('worl');
    expect(cap.exceeded).toBe(true);
    expect(cap.take('stdout', bytes('more'))).toBe('');
  });

  it('stops before the first line past the line budget', () => {
    const cap = new OutputCap(1000, 2);
    expect(cap.take('stdout', bytes('one\ntwo\nthree\nfour\n'))).toBe('one\ntwo\n');
    expect(cap.exceeded).toBe(true);
  });

  it('keeps a character split across two reads whole', () => {
    const cap = new OutputCap(1000, 100);
    const snake = bytes('🐍\n');
    expect(cap.take('stdout', snake.subarray(0, 2))).toBe('');
    expect(cap.take('stdout', snake.subarray(2))).toBe('🐍\n');
  });
});
