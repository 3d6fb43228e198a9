import { describe, expect, it } from 'vitest';
import { countOf, daysAgo, decimal, moment, percent } from './format';

describe('dashboard formatting', () => {
  it('rounds rates and means, and writes a dash when there is nothing to divide by', () => {
    expect(percent(2 / 3)).toBe('67%');
    expect(percent(null)).toBe('–');
    expect(decimal(1.5)).toBe('1.5');
    expect(decimal(1 / 3)).toBe('0.3');
    expect(decimal(2)).toBe('2');
    expect(decimal(null)).toBe('–');
  });

  it('writes counts with their share, and dates in UTC', () => {
    expect(countOf(1, 2)).toBe('1 of 2 (50%)');
    expect(countOf(0, 0)).toBe('0 of 0');
    expect(moment(new Date('2026-11-25T00:05:00Z'))).toBe('Nov 25, 2026, 00:05 UTC');
    expect([0, 1, 9].map(daysAgo)).toEqual(['less than a day ago', '1 day ago', '9 days ago']);
  });
});
