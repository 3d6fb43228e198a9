import { EngineError } from './log.mjs';

/**
 * One module per database family. Each exports:
 *   adapterFactory(datasource, cwd)  a migration-aware driver adapter factory
 *   canConnect(url, cwd)             throws EngineError P1003 when the database does not exist
 *   createDatabase(url, cwd)         returns the database name
 *   dropDatabase(url, cwd)
 *   dropAllObjects(adapter, filter)  what `migrate reset` needs after the engine's own reset
 * Modules load lazily, so a provider's driver (e.g. `pg`) is only needed when it is used.
 * @typedef {{ url: string, shadowDatabaseUrl?: string }} Datasource
 * @typedef {{ externalTables: string[], externalEnums: string[] }} SchemaFilter
 * @typedef {import('@prisma/driver-adapter-utils').SqlMigrationAwareDriverAdapterFactory} AdapterFactory
 * @typedef {{
 *   adapterFactory(datasource: Datasource, cwd: string): AdapterFactory,
 *   canConnect(url: string, cwd: string): Promise<void>,
 *   createDatabase(url: string, cwd: string): Promise<string>,
 *   dropDatabase(url: string, cwd: string): Promise<void>,
 *   dropAllObjects(adapter: import('@prisma/driver-adapter-utils').SqlDriverAdapter, filter: SchemaFilter): Promise<void>,
 * }} Provider
 */
const providers = [
  { name: 'sqlite', handles: (/** @type {string} */ url) => url.startsWith('file:'), load: () => import('./sqlite.mjs') },
  { name: 'postgresql', handles: (/** @type {string} */ url) => /^postgres(ql)?:\/\//.test(url), load: () => import('./postgres.mjs') },
];

/** @param {string} url @returns {Promise<Provider>} */
export async function providerFor(url) {
  const provider = providers.find((candidate) => candidate.handles(url));
  if (provider === undefined) {
    const scheme = url.split(':')[0];
    throw new EngineError(
      'P1013',
      `The datasource URL scheme "${scheme}:" is not supported by the wasm schema engine (supported: ${providers.map((p) => p.name).join(', ')}).`,
    );
  }
  return provider.load();
}
