import path from 'node:path';

/** Where the embedded SQLite database lives when DATABASE_URL is unset, relative to the project root. */
export const defaultDatabaseFile = 'data/awaitable.db';

/**
 * The database URL for both the Prisma CLI (prisma.config.ts) and the app (app/_lib/db.ts).
 * A relative `file:` URL is resolved against the project root, never the current directory,
 * so the CLI, the app and the tests always agree on which file they open.
 */
export function resolveDatabaseUrl(url: string | undefined, projectRoot: string): string {
  if (url === undefined || url.trim() === '') return `file:${path.join(projectRoot, defaultDatabaseFile)}`;
  const file = sqliteFilePath(url);
  if (file === null || path.isAbsolute(file)) return url;
  const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
  return `file:${path.resolve(projectRoot, file)}${query}`;
}

/** The path of a SQLite `file:` URL (as written, maybe relative), or null for other databases and `:memory:`. */
export function sqliteFilePath(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  const withoutQuery = url.slice('file:'.length).split('?')[0] ?? '';
  const file = withoutQuery.startsWith('//') ? withoutQuery.slice(2) : withoutQuery;
  if (file === '' || file === ':memory:') return null;
  return decodeURIComponent(file);
}

/** Whether the URL names a PostgreSQL server (the app and Prisma switch to prisma/postgresql/). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}
