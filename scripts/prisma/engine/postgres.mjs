import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { EngineError } from './log.mjs';

/**
 * PostgreSQL through @prisma/adapter-pg, with the fixes the wasm engine needs (DESIGN.md §5):
 * - catalog columns of type "char" (OID 18), which the adapter refuses, are read as text;
 * - scripts go to the server as one simple-protocol query (the adapter splits on ";");
 * - the shadow database really is another database (the adapter's connectToShadowDb keeps the
 *   connection string, and so the main database, when one is given), or SHADOW_DATABASE_URL.
 */

const CHAR_OID = 18;
const TEXT_OID = 25;

/** A pool whose results report "char" columns as text: same text values, a type the adapter maps. */
class CatalogPool extends pg.Pool {
  /** @param {...any} args */
  query(...args) {
    // @ts-ignore -- pg's overloads; we only post-process promise results
    const result = super.query(...args);
    if (!(result instanceof Promise)) return result;
    return result.then((/** @type {any} */ value) => {
      for (const field of value?.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
      return value;
    });
  }
}

/** @param {string} url @param {string} database */
function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** @param {string} url */
function databaseName(url) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (name === '') throw new EngineError('P1013', `The PostgreSQL URL "${url}" names no database.`);
  return name;
}

/** @param {string} url */
const schemaOf = (url) => new URL(url).searchParams.get('schema') ?? 'public';

/** libpq-style query parameters that node-postgres does not know would reach the server as options. */
function connectionString(url) {
  const parsed = new URL(url);
  for (const key of ['schema', 'connection_limit', 'pool_timeout']) parsed.searchParams.delete(key);
  return parsed.toString();
}

/** @param {string} url */
function adapterFor(url) {
  const pool = new CatalogPool({ connectionString: connectionString(url) });
  const factory = new PrismaPg(pool, { schema: schemaOf(url), disposeExternalPool: true });
  return { pool, factory };
}

/** @param {import('@prisma/driver-adapter-utils').SqlDriverAdapter} adapter @param {pg.Pool} pool */
function sendScriptsWhole(adapter, pool) {
  adapter.executeScript = async (script) => {
    await pool.query(script);
  };
  return adapter;
}

/** @param {{ url: string, shadowDatabaseUrl?: string }} datasource */
export function adapterFactory(datasource) {
  const main = adapterFor(datasource.url);
  return {
    provider: main.factory.provider,
    adapterName: main.factory.adapterName,
    connect: async () => sendScriptsWhole(await main.factory.connect(), main.pool),
    connectToShadowDb: async () => {
      const given = datasource.shadowDatabaseUrl ?? process.env.SHADOW_DATABASE_URL;
      if (given) {
        const shadow = adapterFor(given);
        return sendScriptsWhole(await shadow.factory.connect(), shadow.pool);
      }
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await admin(datasource.url, (client) => client.query(`CREATE DATABASE "${name}"`));
      const shadow = adapterFor(withDatabase(datasource.url, name));
      const adapter = sendScriptsWhole(await shadow.factory.connect(), shadow.pool);
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await admin(datasource.url, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      };
      return adapter;
    },
  };
}

/** Runs `work` connected to the server's `postgres` database (to create or drop others). */
async function admin(url, work) {
  const client = new pg.Client({ connectionString: connectionString(withDatabase(url, 'postgres')) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** @param {string} url */
export async function canConnect(url) {
  const client = new pg.Client({ connectionString: connectionString(url) });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const code = /** @type {{ code?: string }} */ (error).code;
    if (code === '3D000') throw new EngineError('P1003', `Database \`${databaseName(url)}\` does not exist on the server at \`${new URL(url).host}\``);
    throw new EngineError('P1001', `Can't reach the database server at \`${new URL(url).host}\`: ${error instanceof Error ? error.message : error}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** @param {string} url */
export async function createDatabase(url) {
  const name = databaseName(url);
  await admin(url, async (client) => {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  });
  return name;
}

/** @param {string} url */
export async function dropDatabase(url) {
  const name = databaseName(url);
  await admin(url, (client) => client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`));
}

/**
 * The wasm engine's reset only drops `_prisma_migrations`: drop the whole schema and recreate it.
 * @param {import('@prisma/driver-adapter-utils').SqlDriverAdapter} adapter
 */
export async function dropAllObjects(adapter) {
  const schema = adapter.getConnectionInfo?.().schemaName ?? 'public';
  const quoted = `"${schema.replaceAll('"', '""')}"`;
  await adapter.executeScript(`DROP SCHEMA IF EXISTS ${quoted} CASCADE; CREATE SCHEMA ${quoted};`);
}
