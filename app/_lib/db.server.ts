import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Client, Config } from '@libsql/client';
import { PrismaLibSql } from '@prisma/adapter-libsql';
import { PrismaClient } from '@/app/_generated/prisma/client';
import { resolveDatabaseUrl, sqliteFilePath } from '@/prisma/database-url';

/** How long a writer waits for another connection's lock before SQLITE_BUSY. */
const busyTimeoutMs = 5_000;

/**
 * libsql applies `timeout` as the busy timeout of every connection it opens (it reopens one after
 * each transaction). WAL is a property of the database file, so setting it once per client is
 * enough; the local driver runs the statement synchronously, before any query of Prisma's.
 */
class PrismaLibSqlWal extends PrismaLibSql {
  override createClient(config: Config): Client {
    const client = super.createClient(config);
    client.execute('PRAGMA journal_mode = WAL').catch((error: unknown) => {
      console.warn(`db: could not switch ${config.url} to WAL mode: ${String(error)}`);
    });
    return client;
  }
}

function createDb(): PrismaClient {
  // Relative paths resolve against the project root, as in prisma.config.ts; Next and Vitest run there.
  const url = resolveDatabaseUrl(process.env.DATABASE_URL, process.cwd());
  const file = sqliteFilePath(url);
  if (file === null) throw new Error(`DATABASE_URL must be a SQLite "file:" URL for @prisma/adapter-libsql, got "${url}"`);
  mkdirSync(path.dirname(file), { recursive: true });
  return new PrismaClient({ adapter: new PrismaLibSqlWal({ url: pathToFileURL(file).href, timeout: busyTimeoutMs }) });
}

declare global {
  // Survives hot reloads in dev, so each edit does not open another client.
  var awaitableDb: PrismaClient | undefined;
}

/** The one Prisma client. Only data-access modules (`*.server.ts` under app/_lib) import it. */
export const db: PrismaClient = globalThis.awaitableDb ?? createDb();
if (process.env.NODE_ENV !== 'production') globalThis.awaitableDb = db;
