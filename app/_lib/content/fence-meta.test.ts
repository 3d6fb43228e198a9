import { describe, expect, it } from 'vitest';
import { parseFenceMeta, unparsedFenceMeta } from './fence-meta';

describe('fence meta', () => {
  it('reads key=value pairs, quoted values and bare flags', () => {
    expect(parseFenceMeta('id=threads kernel=server setup timeout=5 title="two words"')).toEqual({
      id: 'threads',
      kernel: 'server',
      setup: true,
      timeout: '5',
      title: 'two words',
    });
    expect(parseFenceMeta('starter')).toEqual({ starter: true });
    expect(parseFenceMeta(null)).toEqual({});
  });

  it('reports what it cannot read', () => {
    expect(unparsedFenceMeta('id=a 5 =b')).toEqual(['5', '=b']);
    expect(unparsedFenceMeta('id=a setup')).toEqual([]);
  });
});
