// A throwaway PostgreSQL server for tests and benchmarks: Debian's server binaries, a cluster
// initialised into a temp folder, listening on a spare loopback port, trust authentication.
// `npm test` starts one and hands its URL to the data-layer and end-to-end suites.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../lib/free-port.mjs';
import { createPostgresDatabase } from '../lib/postgres-database.mjs';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** The newest installed `/usr/lib/postgresql/<version>/bin`, or null. */
function findBinaries() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((version) => existsSync(path.join(base, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(base, versions[0], 'bin') : null;
}

/** Installs Debian's `postgresql` package when we may (root) and it is missing. */
function ensureBinaries(log) {
  const found = findBinaries();
  if (found) return found;
  if (!isRoot) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb) and installing it needs root: apt-get install postgresql');
  log('installing PostgreSQL (apt-get install postgresql)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], { stdio: 'inherit', env });
  if (install.status !== 0) {
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], { stdio: 'inherit', env });
  }
  const installed = findBinaries();
  if (install.status !== 0 || !installed) throw new Error('apt-get install postgresql failed');
  return installed;
}

/** The postgres binaries refuse to run as root: run them as the `postgres` user then. */
function run(bin, args, options = {}) {
  const command = isRoot ? 'runuser' : bin;
  const argv = isRoot ? ['-u', 'postgres', '--', bin, ...args] : args;
  const result = spawnSync(command, argv, { encoding: 'utf8', ...options });
  if (result.status !== 0) throw new Error(`${path.basename(bin)} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result;
}

/**
 * Starts a PostgreSQL server of its own and returns its URL (database `postgres`, user
 * `postgres`), `createDatabase(name)` for a fresh database per suite, and `stop()`.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<{ url: string, port: number, dataDir: string, createDatabase(name: string): Promise<string>, stop(): void }>}
 */
export async function startPostgres({ log = (line) => console.log(`postgres: ${line}`) } = {}) {
  const bin = ensureBinaries(log);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'awaitable-pg-'));
  if (isRoot) {
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gids = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dataDir, Number(ids.stdout.trim()), Number(gids.stdout.trim()));
  }
  const port = await freePort();
  const started = Date.now();
  run(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync']);
  // Durable like production (fsync on), sized for a 2-core machine and a few hundred connections.
  const options = `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=128MB`;
  run(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-o', options, '-l', path.join(dataDir, 'server.log'), '-w', 'start']);
  log(`PostgreSQL ${path.basename(path.dirname(bin))} on 127.0.0.1:${port}, data in ${dataDir} (${Date.now() - started} ms)`);
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  process.once('exit', stop);

  return {
    url,
    port,
    dataDir,
    createDatabase: (name) => createPostgresDatabase(url, name),
    stop,
  };
}

/**
 * `node scripts/bootstrap/postgres.mjs -- <command...>`: runs the command with a PostgreSQL
 * server up, its URL in TEST_POSTGRES_URL (data-layer tests) and AWAITABLE_E2E_POSTGRES_URL
 * (end-to-end servers), then stops it and exits with the command's status. Without a command it
 * prints the URL and keeps the server up until Ctrl-C.
 */
if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startPostgres();
  const dash = process.argv.indexOf('--');
  const command = dash === -1 ? [] : process.argv.slice(dash + 1);
  if (command.length === 0) {
    console.log(server.url);
    process.on('SIGINT', () => process.exit(0));
    process.on('SIGTERM', () => process.exit(0));
    setInterval(() => undefined, 1 << 30);
  } else {
    const [program = '', ...args] = command;
    const result = spawnSync(program, args, {
      stdio: 'inherit',
      env: { ...process.env, TEST_POSTGRES_URL: server.url, AWAITABLE_E2E_POSTGRES_URL: server.url },
    });
    server.stop();
    process.exit(result.status ?? 1);
  }
}
