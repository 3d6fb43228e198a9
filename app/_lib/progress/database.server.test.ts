import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPostgresUrl, useTestDatabase } from './test-database';

const database = useTestDatabase(beforeAll, afterAll);

describe('the database', () => {
  if (testPostgresUrl === null) {
    it('SQLite runs in WAL mode with a busy timeout and a full sync at commit', async () => {
      const db = database.db();
      expect(await db.$queryRawUnsafe('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      expect(await db.$queryRawUnsafe('PRAGMA busy_timeout')).toEqual([{ timeout: 5000 }]);
      // FULL: a commit reaches the disk before it is acknowledged, so even power loss keeps it.
      expect(await db.$queryRawUnsafe('PRAGMA synchronous')).toEqual([{ synchronous: 2 }]);
    });
  } else {
    it('PostgreSQL is migrated from prisma/postgresql/migrations, every table of the model present', async () => {
      const tables = await database.db().$queryRaw<Array<{ tablename: string }>>`
        SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
      expect(tables.map((table) => table.tablename)).toEqual(
        expect.arrayContaining(['CellCode', 'ExerciseProgress', 'Learner', 'ProgressEvent', 'RateLimitWindow', 'Session', 'User', '_prisma_migrations']),
      );
      expect(await database.db().$queryRaw`SHOW fsync`).toEqual([{ fsync: 'on' }]);
    });
  }
});
