// Whether `next build` would produce what .next already holds: a hash of every input of the
// build (sources, lessons, config, lockfile, the environment that changes what is built).
// Only Node built-ins: this runs before the build, maybe on a fresh clone.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SOURCE_DIRS = ['app', 'content', 'runtime'];
const SOURCE_FILES = ['instrumentation.ts', 'next.config.js', 'package-lock.json', 'tsconfig.json', 'postcss.config.mjs'];
/** Variables the build reads (next.config.js, the content loader). */
const BUILD_ENV = ['AWAITABLE_CONTENT_DIR', 'AWAITABLE_DIST_DIR', 'NODE_ENV'];
const STAMP_FILE = '.awaitable-build-stamp';

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

/** The hash of the build's inputs under `root`, for a build into `distDir`. */
export function buildInputsHash(root, env = process.env) {
  const hash = createHash('sha256');
  const files = [
    ...SOURCE_DIRS.filter((dir) => existsSync(path.join(root, dir))).flatMap((dir) => [...filesUnder(path.join(root, dir))]),
    ...SOURCE_FILES.map((file) => path.join(root, file)).filter((file) => existsSync(file)),
  ];
  for (const file of files) {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  for (const name of BUILD_ENV) hash.update(`${name}=${env[name] ?? ''}\0`);
  return hash.digest('hex');
}

function stampPath(root, distDir) {
  return path.join(root, distDir, STAMP_FILE);
}

/** True when `distDir` holds a finished build of exactly these inputs. */
export function buildIsCurrent(root, distDir, inputsHash) {
  const stamp = stampPath(root, distDir);
  if (!existsSync(stamp) || !existsSync(path.join(root, distDir, 'BUILD_ID'))) return false;
  return readFileSync(stamp, 'utf8') === inputsHash && statSync(stamp).isFile();
}

export function recordBuild(root, distDir, inputsHash) {
  writeFileSync(stampPath(root, distDir), inputsHash);
}
