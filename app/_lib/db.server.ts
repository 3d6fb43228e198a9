import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Client, Config } from '@libsql/client';
import { PrismaLibSql } from '@prisma/adapter-libsql';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/app/_generated/prisma/client';
import { PrismaClient as PostgresPrismaClient } from '@/app/_generated/prisma-postgresql/client';
import { isPostgresUrl, resolveDatabaseUrl, sqliteFilePath } from '@/prisma/database-url';

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

// Relative paths resolve against the project root, as in prisma.config.ts; Next and Vitest run there.
const databaseUrl = resolveDatabaseUrl(process.env.DATABASE_URL, process.cwd());

/** Which SQL dialect the one client speaks (better-auth's adapter needs to know). */
export const databaseProvider: 'sqlite' | 'postgresql' = isPostgresUrl(databaseUrl) ? 'postgresql' : 'sqlite';

/** Connections per app instance; several instances share one server (see docs/DEPLOY.md). */
const postgresPoolSize = Number(process.env.AWAITABLE_PG_POOL_SIZE ?? '') || 10;

/**
 * The PostgreSQL client is generated from prisma/postgresql/schema.prisma, which is the SQLite
 * schema with another provider (scripts/prisma/postgres-schema.mjs, checked by db:prepare): the
 * same models, fields and methods. TypeScript cannot relate the two generated type trees (deep
 * conditional types, and PostgreSQL's wider isolation levels), so this one conversion states
 * it; the data-layer suite runs on both databases to hold it true. The data layer is written
 * against the SQLite client's type and uses nothing provider-specific.
 */
function sameModel(client: PostgresPrismaClient): PrismaClient;
function sameModel(client: unknown): unknown {
  return client;
}

function createDb(): PrismaClient {
  if (databaseProvider === 'postgresql') {
    return sameModel(new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: postgresPoolSize }) }));
  }
  const file = sqliteFilePath(databaseUrl);
  if (file === null) throw new Error(`DATABASE_URL must be a SQLite "file:" URL or a postgresql:// URL, got "${databaseUrl}"`);
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
