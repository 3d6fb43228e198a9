/**
 * Builds what the bench needs when it is missing: the kernel assets (`npm run build:kernel`)
 * and the production build in `.next` (`next build`), which must include the /bench routes.
 * A build older than its sources is measured anyway, with a warning (`--rebuild` forces both).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const at = (...parts: string[]) => path.join(projectRoot, ...parts);

const kernelOutputs = ['public/kernel/kernel.worker.js', 'public/kernel/kernel.frame.js', 'public/kernel/frame.html', 'public/pyodide/pyodide.mjs', 'public/pyodide/pyodide.asm.wasm', 'public/pyodide/python_stdlib.zip'];
const kernelInputs = ['runtime', 'scripts/kernel', 'node_modules/pyodide/package.json'];
const nextInputs = ['app', 'runtime', 'content', 'next.config.js', 'package-lock.json', 'postcss.config.mjs'];
const buildId = at('.next', 'BUILD_ID');

export type BuildState = { kernel: 'built now' | 'fresh' | 'older than its sources'; next: 'built now' | 'fresh' | 'older than its sources' };

export function ensureBuilt(force: boolean): BuildState {
  const state: BuildState = { kernel: 'fresh', next: 'fresh' };
  if (force || kernelOutputs.some((file) => !existsSync(at(file)))) {
    run('npm run build:kernel', 'npm', ['run', 'build:kernel']);
    state.kernel = 'built now';
  } else if (newest(kernelInputs) > oldest(kernelOutputs)) {
    state.kernel = 'older than its sources';
  }
  if (force || !existsSync(buildId) || !hasBenchRoute()) {
    run('next build', process.execPath, [at('node_modules/next/dist/bin/next'), 'build']);
    state.next = 'built now';
  } else if (newest(nextInputs) > statSync(buildId).mtimeMs) {
    state.next = 'older than its sources';
  }
  for (const [what, value] of Object.entries(state)) {
    if (value === 'older than its sources') console.warn(`bench: the ${what} build is older than its sources; \`npm run bench -- --rebuild\` measures the current tree.`);
  }
  return state;
}

/**
 * The bench serves a copy of `.next` (without its cache), so a `next build` run meanwhile
 * (tests, a colleague) cannot pull the files from under the server. Returns its distDir.
 */
export function snapshotNextBuild(): string {
  const distDir = '.next-bench';
  rmSync(at(distDir), { recursive: true, force: true });
  const before = readFileSync(buildId, 'utf8');
  const skipped = new Set(['cache', 'trace', 'diagnostics'].map((name) => at('.next', name)));
  cpSync(at('.next'), at(distDir), { recursive: true, verbatimSymlinks: true, filter: (source) => !skipped.has(source) });
  if (readFileSync(buildId, 'utf8') !== before) throw new Error('.next was rebuilt while the bench copied it: run the bench again');
  return distDir;
}

export function removeSnapshot(distDir: string): void {
  rmSync(at(distDir), { recursive: true, force: true });
}

/** The kernel is served from public/, in place: notice it being rebuilt while the bench runs. */
export function kernelFingerprint(): string {
  return kernelOutputs.map((file) => (existsSync(at(file)) ? statSync(at(file)).mtimeMs : 0)).join(' ');
}

/** A build from before app/bench existed serves no harness. */
function hasBenchRoute(): boolean {
  const manifest = at('.next', 'server', 'app-paths-manifest.json');
  return existsSync(manifest) && '/bench/page' in JSON.parse(readFileSync(manifest, 'utf8'));
}

function run(label: string, command: string, args: string[]): void {
  console.log(`bench: ${label}`);
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status})`);
}

function newest(paths: string[]): number {
  let latest = 0;
  for (const relative of paths) {
    const full = at(relative);
    if (!existsSync(full)) continue;
    const stat = statSync(full);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(full, { recursive: true, withFileTypes: true })) {
        if (entry.isFile() && !entry.name.endsWith('.test.ts')) latest = Math.max(latest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
      }
    } else {
      latest = Math.max(latest, stat.mtimeMs);
    }
  }
  return latest;
}

function oldest(files: string[]): number {
  return Math.min(...files.map((file) => statSync(at(file)).mtimeMs));
}
