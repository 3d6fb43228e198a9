import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';
import { isPostgresUrl, resolveDatabaseUrl } from './prisma/database-url';

const projectRoot = path.dirname(fileURLToPath(import.meta.url));

// Prisma's native schema engine is downloaded from a host we cannot reach; run its
// WebAssembly build instead (see scripts/prisma/schema-engine.mjs and DESIGN.md §5).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(projectRoot, 'scripts/prisma/schema-engine.mjs');

// One model, one schema and migration history per database: SQLite by default, PostgreSQL
// (prisma/postgresql/, generated from the SQLite schema) when DATABASE_URL says postgresql://.
const url = resolveDatabaseUrl(process.env.DATABASE_URL, projectRoot);
const folder = isPostgresUrl(url) ? 'prisma/postgresql' : 'prisma';

export default defineConfig({
  schema: `${folder}/schema.prisma`,
  migrations: { path: `${folder}/migrations` },
  datasource: { url },
});
