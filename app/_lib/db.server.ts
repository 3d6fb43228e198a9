import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Client, Config, InArgs, InStatement, ResultSet, Transaction, TransactionMode } from '@libsql/client';
import { PrismaLibSql } from '@prisma/adapter-libsql';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/app/_generated/prisma/client';
import { PrismaClient as PostgresPrismaClient } from '@/app/_generated/prisma-postgresql/client';
import { isPostgresUrl, resolveDatabaseUrl, sqliteFilePath } from '@/prisma/database-url';

/** How long a writer waits for another connection's lock before SQLITE_BUSY. */
const busyTimeoutMs = 5_000;

/**
 * SQLite runs in WAL mode (a property of the database file) with `synchronous=NORMAL` on the one
 * connection: a commit is written to the WAL before it is acknowledged, so it survives the
 * process being killed (e2e/progress-durability.spec.ts); the WAL is fsynced at checkpoints, so
 * a power loss may lose the last commits. `AWAITABLE_SQLITE_SYNCHRONOUS=FULL` fsyncs every
 * commit instead (see docs/DEPLOY.md). libsql applies `timeout` as the busy timeout.
 */
const sqliteSynchronous = process.env.AWAITABLE_SQLITE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL';

const writerPragmas = ['journal_mode = WAL', `synchronous = ${sqliteSynchronous}`];
/** The reading connection refuses to write (a bug that tried would fail loudly, not race the writer). */
const readerPragmas = ['query_only = ON'];

class PrismaLibSqlOneConnection extends PrismaLibSql {
  constructor(
    config: Config,
    private readonly pragmas: readonly string[],
  ) {
    super(config);
  }

  override createClient(config: Config): Client {
    const client = new OneConnectionClient(super.createClient(config));
    for (const pragma of this.pragmas) {
      // The local driver runs the statement synchronously, before any query of Prisma's.
      client.execute(`PRAGMA ${pragma}`).catch((error: unknown) => {
        console.warn(`db: could not set ${pragma} on ${config.url}: ${String(error)}`);
      });
    }
    return client;
  }
}

const beginStatement: Record<TransactionMode, string> = {
  write: 'BEGIN IMMEDIATE',
  read: 'BEGIN TRANSACTION READONLY',
  deferred: 'BEGIN DEFERRED',
};

/**
 * A libsql client that keeps its one connection. libsql's own local client hands its connection
 * to each transaction and opens a new one for the next statement (a file open, the schema read
 * again, and per-connection PRAGMAs such as `synchronous` lost). Here a transaction is BEGIN and
 * COMMIT on the same connection. That is safe because Prisma's libsql adapter holds its lock from
 * the start of a transaction to its end: no other statement of this client runs in between.
 */
class OneConnectionClient implements Client {
  constructor(private readonly inner: Client) {}

  get closed(): boolean {
    return this.inner.closed;
  }

  get protocol(): string {
    return this.inner.protocol;
  }

  execute(stmt: InStatement): Promise<ResultSet>;
  execute(sql: string, args?: InArgs): Promise<ResultSet>;
  execute(stmtOrSql: InStatement, args?: InArgs): Promise<ResultSet> {
    return typeof stmtOrSql === 'string' && args !== undefined ? this.inner.execute(stmtOrSql, args) : this.inner.execute(stmtOrSql);
  }

  batch(stmts: Array<InStatement | [string, InArgs?]>, mode?: TransactionMode): Promise<ResultSet[]> {
    return this.inner.batch(stmts, mode);
  }

  migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    return this.inner.migrate(stmts);
  }

  async transaction(mode: TransactionMode = 'write'): Promise<Transaction> {
    await this.inner.execute(beginStatement[mode]);
    return new OneConnectionTransaction(this.inner);
  }

  executeMultiple(sql: string): Promise<void> {
    return this.inner.executeMultiple(sql);
  }

  sync() {
    return this.inner.sync();
  }

  close(): void {
    this.inner.close();
  }

  reconnect(): void {
    this.inner.reconnect();
  }
}

class OneConnectionTransaction implements Transaction {
  closed = false;

  constructor(private readonly inner: Client) {}

  execute(stmt: InStatement): Promise<ResultSet> {
    this.assertOpen();
    return this.inner.execute(stmt);
  }

  async batch(stmts: InStatement[]): Promise<ResultSet[]> {
    const results: ResultSet[] = [];
    for (const stmt of stmts) results.push(await this.execute(stmt));
    return results;
  }

  executeMultiple(sql: string): Promise<void> {
    this.assertOpen();
    return this.inner.executeMultiple(sql);
  }

  async commit(): Promise<void> {
    this.assertOpen();
    await this.inner.execute('COMMIT');
    this.closed = true;
  }

  async rollback(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.inner.execute('ROLLBACK');
  }

  close(): void {
    // Closing an unfinished transaction rolls it back, as libsql's own does.
    if (!this.closed) void this.rollback().catch(() => undefined);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('sqlite: the transaction is already committed or rolled back');
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

type Clients = { db: PrismaClient; readDb: PrismaClient };

function createClients(): Clients {
  if (databaseProvider === 'postgresql') {
    const client = sameModel(new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: postgresPoolSize }) }));
    return { db: client, readDb: client };
  }
  const file = sqliteFilePath(databaseUrl);
  if (file === null) throw new Error(`DATABASE_URL must be a SQLite "file:" URL or a postgresql:// URL, got "${databaseUrl}"`);
  mkdirSync(path.dirname(file), { recursive: true });
  const config = { url: pathToFileURL(file).href, timeout: busyTimeoutMs };
  return {
    db: new PrismaClient({ adapter: new PrismaLibSqlOneConnection(config, writerPragmas) }),
    readDb: new PrismaClient({ adapter: new PrismaLibSqlOneConnection(config, readerPragmas) }),
  };
}

declare global {
  // Survives hot reloads in dev, so each edit does not open more clients.
  var awaitableDbClients: Clients | undefined;
}

const clients: Clients = globalThis.awaitableDbClients ?? createClients();
if (process.env.NODE_ENV !== 'production') globalThis.awaitableDbClients = clients;

/** The one Prisma client. Only data-access modules (`*.server.ts` under app/_lib) import it. */
export const db: PrismaClient = clients.db;

/**
 * For reads outside a transaction (a learner's progress, the rate-limit check). On SQLite a
 * second connection that only reads: in WAL mode it reads the last commit while the writer's
 * transaction is open, instead of waiting behind the writing connection's lock for the whole
 * group commit. Each statement sees every commit acknowledged before it started. On PostgreSQL
 * the same pooled client as `db`.
 */
export const readDb: PrismaClient = clients.readDb;
