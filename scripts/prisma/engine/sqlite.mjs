import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClient } from '@libsql/client';
import { PrismaLibSql } from '@prisma/adapter-libsql';
import { EngineError } from './log.mjs';

/** SQLite through @prisma/adapter-libsql. Relative `file:` paths resolve against `cwd`, like the native engine. */

/** @param {string} url @param {string} cwd */
export function databaseFile(url, cwd) {
  const raw = url.slice('file:'.length).split('?')[0] ?? '';
  const file = decodeURIComponent(raw.startsWith('//') ? raw.slice(2) : raw);
  if (file === '' || file === ':memory:') throw new EngineError('P1013', `The SQLite URL "${url}" does not name a database file.`);
  return path.resolve(cwd, file);
}

/** libsql wants an encoded file URL and rejects Prisma's query parameters (connection_limit, ...). */
const libsqlUrl = (/** @type {string} */ file) => pathToFileURL(file).href;

/** @param {{ url: string }} datasource @param {string} cwd */
export function adapterFactory(datasource, cwd) {
  return new PrismaLibSql({ url: libsqlUrl(databaseFile(datasource.url, cwd)), timeout: 5000 });
}

/** @param {string} url @param {string} cwd */
export async function canConnect(url, cwd) {
  const file = databaseFile(url, cwd);
  if (!existsSync(file)) {
    throw new EngineError('P1003', `Database \`${path.basename(file)}\` does not exist at \`${file}\``);
  }
  const client = createClient({ url: libsqlUrl(file) });
  try {
    await client.execute('PRAGMA schema_version');
  } catch (error) {
    throw new EngineError('P1001', `Can't open the SQLite database at \`${file}\`: ${error instanceof Error ? error.message : error}`);
  } finally {
    client.close();
  }
}

/** Creates the file, and its folder if missing. @param {string} url @param {string} cwd */
export async function createDatabase(url, cwd) {
  const file = databaseFile(url, cwd);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const client = createClient({ url: libsqlUrl(file) });
    try {
      await client.execute('PRAGMA schema_version');
    } finally {
      client.close();
    }
  } catch (error) {
    throw new Error(`Can't create the SQLite database at \`${file}\`: ${error instanceof Error ? error.message : error}`);
  }
  return path.basename(file);
}

/** @param {string} url @param {string} cwd */
export async function dropDatabase(url, cwd) {
  const file = databaseFile(url, cwd);
  await Promise.all(['', '-wal', '-shm', '-journal'].map((suffix) => rm(file + suffix, { force: true })));
}

/**
 * The wasm engine's reset only drops `_prisma_migrations`: drop every other table and view.
 * @param {import('@prisma/driver-adapter-utils').SqlDriverAdapter} adapter
 * @param {{ externalTables: string[] }} filter
 */
export async function dropAllObjects(adapter, filter) {
  const { rows } = await adapter.queryRaw({
    sql: "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'",
    args: [],
    argTypes: [],
  });
  const quote = (/** @type {string} */ name) => `"${name.replaceAll('"', '""')}"`;
  const drops = rows
    .map(([type, name]) => ({ type: String(type), name: String(name) }))
    .filter(({ name }) => !filter.externalTables.includes(name))
    .sort((a, b) => (a.type === b.type ? 0 : a.type === 'view' ? -1 : 1))
    .map(({ type, name }) => `DROP ${type === 'view' ? 'VIEW' : 'TABLE'} IF EXISTS ${quote(name)};`);
  if (drops.length === 0) return;
  await adapter.executeScript(['PRAGMA foreign_keys = OFF;', ...drops, 'PRAGMA foreign_keys = ON;'].join('\n'));
}
