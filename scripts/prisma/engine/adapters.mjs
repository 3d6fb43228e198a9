import { isMultiStatement } from './scripts.mjs';

/**
 * Wraps a migration-aware driver adapter factory so that every connection it opens (main and
 * shadow database) runs multi-statement `executeRaw` calls as scripts (see scripts.mjs).
 * @template {import('@prisma/driver-adapter-utils').SqlMigrationAwareDriverAdapterFactory} F
 * @param {F} factory
 * @returns {import('@prisma/driver-adapter-utils').SqlMigrationAwareDriverAdapterFactory}
 */
export function routeScripts(factory) {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => routeConnectionScripts(await factory.connect()),
    connectToShadowDb: async () => routeConnectionScripts(await factory.connectToShadowDb()),
  };
}

/**
 * @param {import('@prisma/driver-adapter-utils').SqlDriverAdapter} adapter
 * @returns {import('@prisma/driver-adapter-utils').SqlDriverAdapter}
 */
function routeConnectionScripts(adapter) {
  /** @type {import('@prisma/driver-adapter-utils').SqlDriverAdapter} */
  const routed = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: async (query) => {
      if (query.args.length > 0 || !isMultiStatement(query.sql)) return adapter.executeRaw(query);
      await adapter.executeScript(query.sql);
      return 0;
    },
    executeScript: (script) => adapter.executeScript(script),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    dispose: () => adapter.dispose(),
  };
  if (adapter.getConnectionInfo) routed.getConnectionInfo = () => adapter.getConnectionInfo?.() ?? {};
  return routed;
}
