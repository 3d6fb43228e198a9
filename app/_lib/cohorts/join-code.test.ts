import { describe, expect, it } from 'vitest';
import { formatJoinCode, JOIN_CODE_ALPHABET, joinPath, newJoinCode, parseJoinCode } from './join-code';

describe('join codes', () => {
  it('are 8 characters with no look-alikes, and differ from one another', () => {
    const codes = Array.from({ length: 200 }, () => newJoinCode());
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{8}$/);
    expect(new Set(codes).size).toBe(codes.length);
    for (const lookAlike of ['0', 'O', '1', 'I', 'L', 'U']) expect(JOIN_CODE_ALPHABET).not.toContain(lookAlike);
  });

  it('are shown with a dash and read back however they were typed', () => {
    expect(formatJoinCode('K7QM3XPA')).toBe('K7QM-3XPA');
    expect(joinPath('K7QM3XPA')).toBe('/join/K7QM-3XPA');
    expect(parseJoinCode('K7QM-3XPA')).toBe('K7QM3XPA');
    expect(parseJoinCode(' k7qm 3xpa ')).toBe('K7QM3XPA');
  });

  it('refuse what cannot be a code', () => {
    expect(parseJoinCode('K7QM-3XP')).toBeNull();
    expect(parseJoinCode('K7QM-3XPAA')).toBeNull();
    expect(parseJoinCode('K0QM-3XPA')).toBeNull();
    expect(parseJoinCode('../admin')).toBeNull();
  });
});
