import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';
import { resolveDatabaseUrl } from './prisma/database-url';

const projectRoot = path.dirname(fileURLToPath(import.meta.url));

// Prisma's native schema engine is downloaded from a host we cannot reach; run its
// WebAssembly build instead (see scripts/prisma/schema-engine.mjs and DESIGN.md §5).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(projectRoot, 'scripts/prisma/schema-engine.mjs');

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: resolveDatabaseUrl(process.env.DATABASE_URL, projectRoot) },
});
