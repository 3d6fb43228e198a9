#!/usr/bin/env node
/**
 * npm run db:prepare: generate the Prisma client and bring the database up to date, creating the
 * SQLite file and its folder if missing. Works from a fresh clone: nothing global, nothing
 * downloaded (the schema engine is our wasm stand-in, see schema-engine.mjs).
 */
import { runPrisma } from './run-prisma.mjs';

const steps = [
  { args: ['generate'], what: 'generate the Prisma client into app/_generated/prisma' },
  { args: ['migrate', 'deploy'], what: 'apply prisma/migrations to the database' },
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
