import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPostgresDatabase } from '@/scripts/lib/postgres-database.mjs';
import { projectRoot, runPrisma } from '@/scripts/prisma/run-prisma.mjs';

type Hook = (fn: () => Promise<void>, timeout?: number) => void;
type Modules = {
  progress: typeof import('./progress.server');
  merge: typeof import('./merge-learners.server');
  db: typeof import('@/app/_lib/db.server').db;
};

/** The test's server (TEST_POSTGRES_URL, set by `node scripts/bootstrap/postgres.mjs -- ...`), if any. */
export const testPostgresUrl = process.env.TEST_POSTGRES_URL || null;

/** Creates an empty database on the test PostgreSQL server and returns its URL. */
function freshPostgresDatabase(serverUrl: string): Promise<string> {
  return createPostgresDatabase(serverUrl, `awaitable_test_${randomUUID().replaceAll('-', '')}`);
}

/**
 * A fresh database for one test file, migrated with the project's own migrations: SQLite in a
 * temp folder, or a PostgreSQL database of its own when TEST_POSTGRES_URL names a server.
 * Modules that read DATABASE_URL are imported after it is set.
 */
export function useTestDatabase(beforeAll: Hook, afterAll: Hook) {
  let dir: string | null = null;
  let modules: Modules | null = null;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'awaitable-progress-'));
    const url = testPostgresUrl ? await freshPostgresDatabase(testPostgresUrl) : `file:${path.join(dir, 'nested', 'progress.db')}`;
    const env = { ...process.env, DATABASE_URL: url };
    const client = testPostgresUrl ? 'app/_generated/prisma-postgresql/client.ts' : 'app/_generated/prisma/client.ts';
    if (!existsSync(path.join(projectRoot, client))) {
      const generated = await runPrisma(['generate'], { env });
      if (generated.code !== 0) throw new Error(`prisma generate failed:\n${generated.output}`);
    }
    const migrated = await runPrisma(['migrate', 'deploy'], { env });
    if (migrated.code !== 0) throw new Error(`prisma migrate deploy failed:\n${migrated.output}`);
    process.env.DATABASE_URL = url;
    modules = {
      progress: await import('./progress.server'),
      merge: await import('./merge-learners.server'),
      db: (await import('@/app/_lib/db.server')).db,
    };
  });
  afterAll(async () => {
    await modules?.db.$disconnect();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  const loaded = (): Modules => {
    if (modules === null) throw new Error('the test database is not ready (beforeAll failed?)');
    return modules;
  };
  return { modules: loaded, db: () => loaded().db };
}
