#!/usr/bin/env node
/**
 * One model, two databases: prisma/schema.prisma (SQLite, the source) is rewritten into
 * prisma/postgresql/schema.prisma for PostgreSQL, which has its own migrations beside it and its
 * own generated client (app/_generated/prisma-postgresql). Run after every change to the model:
 *   node scripts/prisma/postgres-schema.mjs          write it
 *   node scripts/prisma/postgres-schema.mjs --check  exit 1 when it is out of date
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './run-prisma.mjs';

export const sqliteSchemaFile = path.join(projectRoot, 'prisma', 'schema.prisma');
export const postgresSchemaFile = path.join(projectRoot, 'prisma', 'postgresql', 'schema.prisma');

/** @param {string} source the SQLite schema @returns {string} the PostgreSQL schema */
export function toPostgresSchema(source) {
  const replace = (/** @type {string} */ text, /** @type {RegExp} */ pattern, /** @type {string} */ value) => {
    if (!pattern.test(text)) throw new Error(`prisma/schema.prisma: expected to find ${pattern} to rewrite for PostgreSQL`);
    return text.replace(pattern, value);
  };
  let schema = replace(source, /(datasource db \{\s*provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  schema = replace(schema, /(output\s*=\s*)"\.\.\/app\/_generated\/prisma"/, '$1"../../app/_generated/prisma-postgresql"');
  const header = '// GENERATED from prisma/schema.prisma by scripts/prisma/postgres-schema.mjs: do not edit.\n';
  return header + schema;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const expected = toPostgresSchema(readFileSync(sqliteSchemaFile, 'utf8'));
  if (process.argv.includes('--check')) {
    let actual = '';
    try {
      actual = readFileSync(postgresSchemaFile, 'utf8');
    } catch {}
    if (actual !== expected) {
      console.error('prisma/postgresql/schema.prisma is out of date: run node scripts/prisma/postgres-schema.mjs, then add a PostgreSQL migration');
      process.exit(1);
    }
  } else {
    mkdirSync(path.dirname(postgresSchemaFile), { recursive: true });
    writeFileSync(postgresSchemaFile, expected);
    console.log(`wrote ${path.relative(projectRoot, postgresSchemaFile)}`);
  }
}
