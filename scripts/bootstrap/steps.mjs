// Steps shared by `npm start` and `npm test`. Only Node built-ins here: this runs before
// dependencies are installed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildInputsHash, buildIsCurrent, recordBuild } from './build-stamp.mjs';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export function say(message) {
  console.log(`\n\u001b[1m▶ ${message}\u001b[0m`);
}

export function fail(message) {
  console.error(`\n\u001b[31m✖ ${message}\u001b[0m`);
  process.exit(1);
}

/** Runs a command in the project root with inherited output; exits the process if it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', ...options });
  if (result.error) fail(`${command} ${args.join(' ')} could not start: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

export function runNpmScript(script, args = [], options = {}) {
  run(npm, ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], options);
}

export function checkNodeVersion() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    fail(`Node ${process.versions.node} is too old: Awaitable needs Node 20.19 or newer (Prisma 7 requires it).`);
  }
}

/** Installs dependencies when node_modules is missing or older than package-lock.json. */
export function ensureDependencies() {
  const lockfile = path.join(projectRoot, 'package-lock.json');
  const stamp = path.join(projectRoot, 'node_modules', '.awaitable-lock-hash');
  const wanted = createHash('sha256').update(readFileSync(lockfile)).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return;
  say('Installing dependencies (npm ci)');
  run(npm, ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stamp, wanted);
}

export function prepareApp() {
  say('Preparing the database (Prisma generate + migrate)');
  runNpmScript('db:prepare');
  say('Building the Python kernel assets');
  runNpmScript('build:kernel');
}

export function buildNext(extraEnv = {}, what = 'the app') {
  say(`Building ${what} (next build)`);
  run(npm, ['exec', '--', 'next', 'build'], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extraEnv } });
}

/** `npm start` again with nothing changed serves the last build instead of rebuilding (~15 s or more). */
export function buildNextIfChanged() {
  const distDir = process.env.AWAITABLE_DIST_DIR ?? '.next';
  const inputs = buildInputsHash(projectRoot);
  if (buildIsCurrent(projectRoot, distDir, inputs)) {
    say(`The app is already built from these sources (${distDir}): not rebuilding`);
    return;
  }
  buildNext();
  recordBuild(projectRoot, distDir, inputs);
}
