import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPostgresUrl, useTestDatabase } from './test-database';

const database = useTestDatabase(beforeAll, afterAll);

describe('the database', () => {
  if (testPostgresUrl === null) {
    it('SQLite runs in WAL mode with a busy timeout and synchronous=NORMAL, kept across transactions', async () => {
      const db = database.db();
      const settings = async () => [
        await db.$queryRawUnsafe('PRAGMA journal_mode'),
        await db.$queryRawUnsafe('PRAGMA busy_timeout'),
        // NORMAL in WAL: a commit is in the WAL file before it is acknowledged (survives SIGKILL).
        await db.$queryRawUnsafe('PRAGMA synchronous'),
      ];
      const expected = [[{ journal_mode: 'wal' }], [{ timeout: 5000 }], [{ synchronous: 1 }]];
      expect(await settings()).toEqual(expected);
      // One connection: a transaction does not leave the client on a new one without the settings.
      await db.$transaction(async (tx) => tx.rateLimitWindow.deleteMany({ where: { key: 'none' } }));
      expect(await settings()).toEqual(expected);
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
