#!/usr/bin/env node
// Builds the browser kernel: bundles runtime/browser/kernel.worker.ts (with runtime/python
// embedded as text) into public/kernel/kernel.worker.js, and copies Pyodide's files from
// node_modules/pyodide into public/pyodide/. Both bundlers would turn the worker into a
// classic worker, which Pyodide refuses, so it is built here and loaded by URL.
import { copyFile, mkdir, readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pythonDir = join(root, 'runtime/python');
const publicDir = join(root, 'public');
const PYODIDE_FILES = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];

/** `awaitable:python-sources`: every .py file under runtime/python, keyed by its path there. */
const pythonSourcesPlugin = {
  name: 'python-sources',
  setup(build) {
    build.onResolve({ filter: /^awaitable:python-sources$/ }, (args) => ({ path: args.path, namespace: 'python-sources' }));
    build.onLoad({ filter: /.*/, namespace: 'python-sources' }, async () => {
      const sources = {};
      const watchFiles = [];
      for (const entry of await readdir(pythonDir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !entry.name.endsWith('.py')) continue;
        const path = join(entry.parentPath, entry.name);
        sources[relative(pythonDir, path).split('\\').join('/')] = await readFile(path, 'utf8');
        watchFiles.push(path);
      }
      return { contents: `export const pythonSources = ${JSON.stringify(sources)};`, loader: 'js', watchFiles };
    });
  },
};

async function buildWorker() {
  await esbuild.build({
    entryPoints: [join(root, 'runtime/browser/kernel.worker.ts')],
    outfile: join(publicDir, 'kernel/kernel.worker.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: 'linked',
    legalComments: 'none',
    plugins: [pythonSourcesPlugin],
    logLevel: 'warning',
  });
}

async function copyPyodide() {
  const require = createRequire(import.meta.url);
  const pyodideDir = dirname(require.resolve('pyodide/pyodide.mjs'));
  await mkdir(join(publicDir, 'pyodide'), { recursive: true });
  await Promise.all(PYODIDE_FILES.map((file) => copyFile(join(pyodideDir, file), join(publicDir, 'pyodide', file))));
}

const startedAt = performance.now();
await Promise.all([buildWorker(), copyPyodide()]);
console.log(`kernel: built public/kernel/kernel.worker.js and public/pyodide/ in ${Math.round(performance.now() - startedAt)} ms`);
