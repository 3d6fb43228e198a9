import { describe, expect, it } from 'vitest';
import { safeNextPath, withNext } from './next-path';

describe('the way back after signing in', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeNextPath('/join/K7QM-3XPA')).toBe('/join/K7QM-3XPA');
    expect(safeNextPath('/instructor?tab=1#top')).toBe('/instructor?tab=1#top');
    expect(safeNextPath(['/instructor', '/other'])).toBe('/instructor');
  });

  it('falls back to My progress for anything that could leave the site', () => {
    for (const next of [undefined, '', 'join/X', '//evil.test/x', '/\\evil.test', 'https://evil.test/', 'javascript:alert(1)', '/\tjoin', '/a\\b']) {
      expect(safeNextPath(next)).toBe('/progress');
    }
  });

  it('links between sign-in and sign-up carry it along', () => {
    expect(withNext('/account/sign-up', '/join/K7QM-3XPA')).toBe('/account/sign-up?next=%2Fjoin%2FK7QM-3XPA');
    expect(withNext('/account/sign-in', '/progress')).toBe('/account/sign-in');
  });
});
