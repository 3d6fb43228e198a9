import { describe, expect, it } from 'vitest';
import { resolveDatabaseUrl, sqliteFilePath } from './database-url';

describe('resolveDatabaseUrl', () => {
  it('defaults to data/awaitable.db under the project root', () => {
    expect(resolveDatabaseUrl(undefined, '/srv/app')).toBe('file:/srv/app/data/awaitable.db');
    expect(resolveDatabaseUrl('  ', '/srv/app')).toBe('file:/srv/app/data/awaitable.db');
  });

  it('resolves relative file URLs against the project root, not the current directory', () => {
    expect(resolveDatabaseUrl('file:./tmp/dev.db', '/srv/app')).toBe('file:/srv/app/tmp/dev.db');
    expect(resolveDatabaseUrl('file:dev.db?connection_limit=1', '/srv/app')).toBe('file:/srv/app/dev.db?connection_limit=1');
  });

  it('leaves absolute and non-SQLite URLs alone', () => {
    expect(resolveDatabaseUrl('file:/var/lib/awaitable.db', '/srv/app')).toBe('file:/var/lib/awaitable.db');
    expect(resolveDatabaseUrl('file:///var/lib/a.db', '/srv/app')).toBe('file:///var/lib/a.db');
    expect(resolveDatabaseUrl('postgresql://u@db/awaitable', '/srv/app')).toBe('postgresql://u@db/awaitable');
  });
});

describe('sqliteFilePath', () => {
  it('reads the path of file URLs only', () => {
    expect(sqliteFilePath('file:///var/lib/my%20db.db')).toBe('/var/lib/my db.db');
    expect(sqliteFilePath('file::memory:')).toBeNull();
    expect(sqliteFilePath('postgresql://db/x')).toBeNull();
  });
});
