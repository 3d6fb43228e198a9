import { readFile } from 'node:fs/promises';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { routeScripts } from './adapters.mjs';
import { EngineError } from './log.mjs';
import { providerFor } from './providers.mjs';
import { loadSchemaEngineWasm } from './wasm.mjs';

/**
 * One wasm schema engine over a driver adapter, with the native binary's RPC surface and the
 * fixes the raw wasm engine needs (each one was hit in practice; see DESIGN.md §5).
 * @typedef {import('./providers.mjs').Datasource} Datasource
 * @typedef {(content: string) => Promise<void>} Print  asks the CLI to print to its stdout
 */

/**
 * @param {{ datamodels: string[], datasource: Datasource | undefined, cwd: string, log: (line: string) => void }} options
 */
export async function openSession({ datamodels, datasource, cwd, log }) {
  if (datasource === undefined) {
    throw new EngineError('P1012', 'No datasource URL: set `datasource.url` in prisma.config.ts.');
  }
  const provider = await providerFor(datasource.url);
  const factory = provider.adapterFactory(datasource, cwd);
  const bound = bindMigrationAwareSqlAdapterFactory(routeScripts(factory));
  const files = await Promise.all(datamodels.map(async (file) => [file, await readFile(file, 'utf8')]));
  const { SchemaEngine } = await loadSchemaEngineWasm();
  /** Driver errors reach us as "External error id#N"; the original is kept in the adapter's registry. */
  const resolveError = (/** @type {unknown} */ error) => {
    const id = /External error id#(\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    return (id === undefined ? undefined : bound.errorRegistry.consumeError(Number(id))?.error) ?? error;
  };
  const engine = await SchemaEngine.new({ datamodels: files.length > 0 ? files : undefined }, log, bound).catch(
    (error) => Promise.reject(resolveError(error)),
  );

  const warmMigrationSchemaCache = ({ migrationsList, filters }) =>
    engine.diagnoseMigrationHistory({ migrationsList, filters, optInToShadowDatabase: true }).catch(() => undefined);

  /** Methods the wasm engine lacks or gets wrong; everything else goes straight to it. */
  const overrides = {
    /** A fresh database fails devDiagnostic until `_prisma_migrations` exists. */
    async devDiagnostic(params) {
      await engine
        .applyMigrations({ migrationsList: { ...params.migrationsList, migrationDirectories: [] }, filters: params.filters })
        .catch(() => undefined); // A non-empty database without history: let devDiagnostic report it.
      return engine.devDiagnostic(params);
    },
    /**
     * evaluateDataLoss and createMigration read the schema of the migration history from a cache
     * that only the shadow-database-aware commands fill; on a miss they try to open a shadow
     * database without the adapter and fail ("SQLite shadow DB must be provided through an
     * external factory"). Fill the cache first.
     */
    async evaluateDataLoss(params) {
      await warmMigrationSchemaCache(params);
      return engine.evaluateDataLoss(params);
    },
    async createMigration(params) {
      await warmMigrationSchemaCache(params);
      return engine.createMigration(params);
    },
    /** The engine's reset only drops `_prisma_migrations`. */
    async reset(params) {
      await engine.reset(params);
      const connection = await factory.connect();
      try {
        await provider.dropAllObjects(connection, params.filter ?? { externalTables: [], externalEnums: [] });
      } finally {
        await connection.dispose();
      }
      return {};
    },
    /** The native engine sends diff output to the CLI as a `print` request rather than in the result. */
    async diff(params, /** @type {Print} */ print) {
      const { stdout, ...result } = await engine.diff(params);
      if (stdout) await print(stdout.endsWith('\n') ? stdout.slice(0, -1) : stdout);
      return { ...result, stdout: null };
    },
    async createDatabase(params) {
      const url = params?.datasource?.url ?? datasource.url;
      return { databaseName: await provider.createDatabase(url, cwd) };
    },
    getDatabaseVersion: (params) => engine.version(params ?? undefined),
  };

  return {
    /**
     * @param {string} method
     * @param {unknown} params
     * @param {Print} print
     */
    async call(method, params, print) {
      if (Object.hasOwn(overrides, method)) return overrides[method](params, print);
      if (method === 'debugPanic') return engine.debugPanic();
      if (!wasmMethods.has(method)) throw new MethodNotFound(method);
      // Call through the instance: extracting the method loses its binding to the wasm object.
      const result = await engine[method](params);
      return result ?? {};
    },
    resolveError,
    close() {
      try {
        engine.free();
      } catch {
        // After a panic the wasm instance refuses every call, free() included.
      }
    },
  };
}

const wasmMethods = new Set([
  'applyMigrations',
  'dbExecute',
  'diagnoseMigrationHistory',
  'ensureConnectionValidity',
  'introspect',
  'introspectSql',
  'markMigrationApplied',
  'markMigrationRolledBack',
  'schemaPush',
  'version',
]);

export class MethodNotFound extends Error {
  name = 'MethodNotFound';
  /** @param {string} method */
  constructor(method) {
    super(`The wasm schema engine has no method "${method}".`);
  }
}
