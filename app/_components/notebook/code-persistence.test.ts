import { describe, expect, it } from 'vitest';
import { newestEdit } from './code-persistence';

describe('newestEdit', () => {
  const older = { code: 'older', editedAt: '2026-01-01T10:00:00.000Z' };
  const newer = { code: 'newer', editedAt: '2026-01-01T10:00:05.000Z' };

  it('takes whichever copy was edited last, local or server', () => {
    expect(newestEdit(older, newer)).toBe(newer);
    expect(newestEdit(newer, older)).toBe(newer);
  });

  it('uses the only copy there is, and nothing when there is none', () => {
    expect(newestEdit(null, older)).toBe(older);
    expect(newestEdit(older, null)).toBe(older);
    expect(newestEdit(null, null)).toBeNull();
  });

  it('keeps the local copy on a tie', () => {
    const server = { ...older, code: 'server' };
    expect(newestEdit(older, server)).toBe(older);
  });
});
