import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createClient, type Client } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runPrisma } from './run-prisma.mjs';

// The Prisma CLI driving our wasm schema engine, offline: an empty HOME means no cached engines.
let dir: string;
let env: NodeJS.ProcessEnv;
const engine = path.join(projectRoot, 'scripts/prisma/schema-engine.mjs');

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'awaitable-engine-'));
  await mkdir(path.join(dir, 'home'));
  env = { ...process.env, HOME: path.join(dir, 'home'), XDG_CACHE_HOME: path.join(dir, 'home/.cache') };
  delete env.PRISMA_SCHEMA_ENGINE_BINARY; // prisma.config.ts must set it.
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const prisma = async (args: string[], databaseFile: string, cwd = projectRoot) => {
  const result = await runPrisma(args, { env: { ...env, DATABASE_URL: `file:${databaseFile}` }, cwd });
  return { ...result, output: result.output.replace(/\x1b\[[0-9;]*m/g, '') };
};

async function withSqlite<T>(file: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = createClient({ url: `file:${file}` });
  try {
    return await use(client);
  } finally {
    client.close();
  }
}

describe.concurrent('schema-engine.mjs under the Prisma CLI', () => {
  it('reports its version as the native binary does', async () => {
    const { stdout } = await promisify(execFile)(engine, ['--version']);
    expect(stdout.trim()).toMatch(/^schema-engine-cli [0-9a-f]{40}$/);
  });

  it('creates a missing database (and its folder) on migrate deploy, then reports status', async () => {
    const file = path.join(dir, 'deploy/nested/app.db');
    const deploy = await prisma(['migrate', 'deploy'], file);
    expect(deploy.output).toContain('All migrations have been successfully applied.');
    expect(deploy.code).toBe(0);
    expect((await stat(file)).size).toBeGreaterThan(0);

    const status = await prisma(['migrate', 'status'], file);
    expect(status.output).toContain('Database schema is up to date!');
    expect(status.code).toBe(0);
  });

  it('prints migrate diff output (sent by the engine as a print request)', async () => {
    const diff = await prisma(['migrate', 'diff', '--from-empty', '--to-schema', 'prisma/schema.prisma', '--script'], path.join(dir, 'unused.db'));
    expect(diff.output).toMatch(/CREATE TABLE "CellProgress"/);
    expect(diff.code).toBe(0);
  });

  it('replays every statement of a migration in the shadow database', async () => {
    // libsql runs only the first statement of an executeRaw: a short replay would show a diff.
    const diff = await prisma(
      ['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', 'prisma/schema.prisma', '--exit-code'],
      path.join(dir, 'unused.db'),
    );
    expect(diff.output).toContain('No difference detected.');
    expect(diff.code).toBe(0);
  });

  it('drops every table on migrate reset, not only the migrations table', async () => {
    const file = path.join(dir, 'reset.db');
    expect((await prisma(['migrate', 'deploy'], file)).code).toBe(0);
    await withSqlite(file, (client) => client.execute('CREATE TABLE "Extra" (x INTEGER)'));

    const reset = await prisma(['migrate', 'reset', '--force'], file);
    expect(reset.code).toBe(0);
    const tables = await withSqlite(file, async (client) => {
      const { rows } = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
      return rows.map((row) => row.name);
    });
    expect(tables).not.toContain('Extra');
    expect(tables).toEqual(expect.arrayContaining(['CellProgress', 'Learner', 'LessonProgress', '_prisma_migrations']));
  });

  it('runs migrate dev in a fresh copy of the project, with the default database path', async () => {
    const project = path.join(dir, 'project');
    await mkdir(path.join(project, 'scripts'), { recursive: true });
    await cp(path.join(projectRoot, 'prisma'), path.join(project, 'prisma'), { recursive: true });
    await cp(path.join(projectRoot, 'prisma.config.ts'), path.join(project, 'prisma.config.ts'));
    await cp(path.join(projectRoot, 'package.json'), path.join(project, 'package.json'));
    await cp(path.join(projectRoot, 'scripts/prisma'), path.join(project, 'scripts/prisma'), { recursive: true });
    await symlink(path.join(projectRoot, 'node_modules'), path.join(project, 'node_modules'));
    const schemaFile = path.join(project, 'prisma/schema.prisma');
    const schema = await readFile(schemaFile, 'utf8');
    await writeFile(schemaFile, `${schema}\nmodel Hint {\n  id   String @id\n  text String\n}\n`);

    const { DATABASE_URL: _, ...withoutUrl } = env;
    const dev = await runPrisma(['migrate', 'dev', '--name', 'add_hint'], { env: withoutUrl, cwd: project });
    expect(dev.output).toContain('Your database is now in sync with your schema.');
    expect(dev.code).toBe(0);
    expect((await stat(path.join(project, 'data/awaitable.db'))).isFile()).toBe(true);
    const added = (await readdir(path.join(project, 'prisma/migrations'))).find((name) => name.endsWith('_add_hint'));
    expect(added).toBeDefined();
    const sql = await readFile(path.join(project, 'prisma/migrations', added ?? '', 'migration.sql'), 'utf8');
    expect(sql).toContain('CREATE TABLE "Hint"');
  });
});
