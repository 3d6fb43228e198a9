import { describe, expect, it } from 'vitest';
import { describeMismatch, ellipsisMatch, normalizeOutput, outputMatches } from './output-match';

describe('the ellipsis matcher', () => {
  it('matches equal text, and nothing else, when there is no ellipsis', () => {
    expect(ellipsisMatch('a\nb', 'a\nb')).toBe(true);
    expect(ellipsisMatch('a\nb', 'a\nc')).toBe(false);
    expect(ellipsisMatch('a', 'ab')).toBe(false);
  });

  it('lets ... stand for any text, empty or across lines', () => {
    expect(ellipsisMatch('took ... s', 'took 0.52 s')).toBe(true);
    expect(ellipsisMatch('took ... s', 'took  s')).toBe(true);
    expect(ellipsisMatch('start\n...\nend', 'start\none\ntwo\nend')).toBe(true);
    expect(ellipsisMatch('...', '')).toBe(true);
    expect(ellipsisMatch('<Task ... at 0x...>', '<Task pending name=\'Task-1\' at 0x7f3a>')).toBe(true);
  });

  it('keeps the pieces in order and does not let them overlap', () => {
    expect(ellipsisMatch('a...b...c', 'a-b-c')).toBe(true);
    expect(ellipsisMatch('a...c...b', 'a-b-c')).toBe(false);
    expect(ellipsisMatch('aa...aa', 'aaa')).toBe(false);
    expect(ellipsisMatch('ab...ba', 'aba')).toBe(false);
    expect(ellipsisMatch('x...y', 'x\ny\nz')).toBe(false);
  });

  it('ignores trailing spaces, trailing blank lines and CRLF, but not leading space', () => {
    expect(normalizeOutput('a  \r\nb\t\n\n\n')).toBe('a\nb');
    expect(outputMatches('hello\n', 'hello   \n\n')).toBe(true);
    expect(outputMatches('  indented', 'indented')).toBe(false);
    expect(outputMatches('a\n\nb', 'a\nb')).toBe(false);
  });
});

describe('a mismatch report', () => {
  it('shows both outputs and the first line that differs', () => {
    const report = describeMismatch('start\ntook ... s\ndone', 'start\ntook 0.5 s\nfinished');
    expect(report).toBe(
      [
        '  expected:',
        '    | start',
        '    | took ... s',
        '    | done',
        '  actual:',
        '    | start',
        '    | took 0.5 s',
        '    | finished',
        '  first difference at output line 3: expected "done", got "finished"',
      ].join('\n'),
    );
  });

  it('says when one side ends early, and cuts long outputs', () => {
    const long = Array.from({ length: 40 }, (_, index) => `line ${index}`).join('\n');
    const report = describeMismatch('line 0', long);
    expect(report).toContain('first difference at output line 2: expected (end of output), got "line 1"');
    expect(report).toContain('[24 more lines]');
    expect(describeMismatch('x', '')).toContain('    (nothing)');
  });
});
