#!/usr/bin/env node
/**
 * npm run db:prepare: generate both Prisma clients (SQLite and PostgreSQL, from one model) and
 * bring the database named by DATABASE_URL up to date, creating a SQLite file and its folder if
 * missing. Works from a fresh clone: nothing global, nothing downloaded (the schema engine is our
 * wasm stand-in, see schema-engine.mjs).
 */
import { readFileSync } from 'node:fs';
import { postgresSchemaFile, sqliteSchemaFile, toPostgresSchema } from './postgres-schema.mjs';
import { runPrisma } from './run-prisma.mjs';

if (readFileSync(postgresSchemaFile, 'utf8') !== toPostgresSchema(readFileSync(sqliteSchemaFile, 'utf8'))) {
  process.stderr.write(
    'db:prepare: prisma/postgresql/schema.prisma is out of date with prisma/schema.prisma.\n' +
      'Run `node scripts/prisma/postgres-schema.mjs`, then create a PostgreSQL migration (see docs/DEPLOY.md).\n',
  );
  process.exit(1);
}

const steps = [
  { args: ['generate', '--schema', 'prisma/schema.prisma'], what: 'generate the SQLite client into app/_generated/prisma' },
  {
    args: ['generate', '--schema', 'prisma/postgresql/schema.prisma'],
    what: 'generate the PostgreSQL client into app/_generated/prisma-postgresql',
  },
  { args: ['migrate', 'deploy'], what: 'apply the migrations to the database' },
];

for (const { args, what } of steps) {
  const command = `prisma ${args.join(' ')}`;
  const { code, output, ms } = await runPrisma(args);
  if (code !== 0) {
    process.stderr.write(`${output.trimEnd()}\n\ndb:prepare: \`${command}\` failed (exit ${code}): could not ${what}.\n`);
    process.stderr.write(`db:prepare: database: ${process.env.DATABASE_URL || 'file:data/awaitable.db (default)'}\n`);
    process.exit(1);
  }
  process.stdout.write(`db:prepare: ${command} ok (${ms} ms)\n`);
}
