import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { postgresSchemaFile, sqliteSchemaFile, toPostgresSchema } from './postgres-schema.mjs';

describe('the PostgreSQL schema', () => {
  it('is the SQLite schema with the PostgreSQL provider and its own client folder, and is up to date', () => {
    const source = readFileSync(sqliteSchemaFile, 'utf8');
    const generated = toPostgresSchema(source);
    expect(generated).toContain('provider = "postgresql"');
    expect(generated).toContain('output       = "../../app/_generated/prisma-postgresql"');
    expect(generated).not.toContain('"sqlite"');
    // Every model line survives unchanged.
    for (const line of source.split('\n').filter((l) => /^model |^\s+@@/.test(l))) expect(generated).toContain(line);
    expect(readFileSync(postgresSchemaFile, 'utf8')).toBe(generated);
  });

  it('refuses a schema it does not know how to rewrite', () => {
    expect(() => toPostgresSchema('datasource db {\n  provider = "mysql"\n}')).toThrow(/prisma\/schema\.prisma: expected to find/);
  });
});
