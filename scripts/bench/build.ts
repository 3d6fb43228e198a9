/**
 * Builds what the bench needs: the kernel assets (`npm run build:kernel`, into public/) and a
 * production build of the app in a folder of the bench's own (`.next-bench`, never `.next`,
 * which others may be serving or building), including the /bench routes. Either is rebuilt
 * when it is missing or older than its sources (`--rebuild` forces both).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const at = (...parts: string[]) => path.join(projectRoot, ...parts);

/** The bench's own production build. */
export const BENCH_DIST_DIR = '.next-bench';
const kernelOutputs = ['public/kernel/kernel.worker.js', 'public/kernel/kernel.frame.js', 'public/kernel/frame.html', 'public/pyodide/pyodide.mjs', 'public/pyodide/pyodide.asm.wasm', 'public/pyodide/python_stdlib.zip'];
const kernelInputs = ['runtime', 'scripts/kernel', 'node_modules/pyodide/package.json'];
const nextInputs = ['app', 'runtime', 'content', 'next.config.js', 'package-lock.json', 'postcss.config.mjs'];
const buildId = at(BENCH_DIST_DIR, 'BUILD_ID');

export type BuildState = { kernel: 'built now' | 'fresh'; next: 'built now' | 'fresh' | 'given' };

/** `givenDistDir`: a production build made elsewhere, measured as it is. */
export function ensureBuilt(force: boolean, givenDistDir?: string): BuildState {
  const state: BuildState = { kernel: 'fresh', next: 'fresh' };
  if (force || kernelOutputs.some((file) => !existsSync(at(file))) || newest(kernelInputs) > oldest(kernelOutputs)) {
    run('npm run build:kernel', 'npm', ['run', 'build:kernel'], {});
    state.kernel = 'built now';
  }
  if (givenDistDir !== undefined) {
    if (!existsSync(at(givenDistDir, 'BUILD_ID'))) throw new Error(`--dist-dir=${givenDistDir}: no production build there`);
    state.next = 'given';
  } else if (force || !existsSync(buildId) || !hasBenchRoute() || newest(nextInputs) > statSync(buildId).mtimeMs) {
    run(`next build (into ${BENCH_DIST_DIR})`, process.execPath, [at('node_modules/next/dist/bin/next'), 'build'], { AWAITABLE_DIST_DIR: BENCH_DIST_DIR });
    state.next = 'built now';
  }
  return state;
}

/** The kernel is served from public/, in place: notice it being rebuilt while the bench runs. */
export function kernelFingerprint(): string {
  return kernelOutputs.map((file) => (existsSync(at(file)) ? statSync(at(file)).mtimeMs : 0)).join(' ');
}

/** A build from before app/bench existed serves no harness. */
function hasBenchRoute(): boolean {
  const manifest = at(BENCH_DIST_DIR, 'server', 'app-paths-manifest.json');
  return existsSync(manifest) && '/bench/page' in JSON.parse(readFileSync(manifest, 'utf8'));
}

function run(label: string, command: string, args: string[], env: Record<string, string>): void {
  console.log(`bench: ${label}`);
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: '1' } });
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
