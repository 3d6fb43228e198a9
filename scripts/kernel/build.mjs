#!/usr/bin/env node
// Builds the browser kernel into public/kernel/: the worker (runtime/browser/kernel.worker.ts,
// with runtime/python embedded as text) as kernel.worker.js, and the sandboxed frame that
// hosts it (frame.html + kernel.frame.js from runtime/browser/kernel.frame.ts). Copies
// Pyodide's files from node_modules/pyodide into public/pyodide/, with a memory snapshot of a
// freshly booted Pyodide (see makeSnapshot). Both bundlers would turn the worker into a
// classic worker, which Pyodide refuses, so it is built here and loaded by URL.
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pythonDir = join(root, 'runtime/python');
const publicDir = join(root, 'public');
/** Read by next.config.js, which tells the page its size and content hash. */
const SNAPSHOT_FILE = 'pyodide-snapshot.bin.gz';
const PYODIDE_FILES = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];
// Served with its own CSP (next.config.js); a classic script, so loading it needs no CORS.
const FRAME_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Python kernel</title>
<script src="kernel.frame.js"></script>
</head>
<body></body>
</html>
`;

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

const bundleOptions = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
};

async function buildWorker() {
  await esbuild.build({
    ...bundleOptions,
    entryPoints: [join(root, 'runtime/browser/kernel.worker.ts')],
    outfile: join(publicDir, 'kernel/kernel.worker.js'),
    format: 'esm',
    plugins: [pythonSourcesPlugin],
  });
}

async function buildFrame() {
  await esbuild.build({
    ...bundleOptions,
    entryPoints: [join(root, 'runtime/browser/kernel.frame.ts')],
    outfile: join(publicDir, 'kernel/kernel.frame.js'),
    format: 'iife',
  });
  await writeFile(join(publicDir, 'kernel/frame.html'), FRAME_HTML);
}

async function copyPyodide() {
  const require = createRequire(import.meta.url);
  const pyodideDir = dirname(require.resolve('pyodide/pyodide.mjs'));
  await mkdir(join(publicDir, 'pyodide'), { recursive: true });
  await Promise.all(PYODIDE_FILES.map((file) => copyFile(join(pyodideDir, file), join(publicDir, 'pyodide', file))));
}

/**
 * Pyodide's heap right after `loadPyodide`, before any of our code or a learner's ran:
 * the browser kernel restores it (`_loadSnapshot`) instead of booting CPython and importing
 * its start-up modules again, which is most of a boot. Valid only for this exact Pyodide build
 * (Pyodide checks its build id); the browser falls back to a normal boot when it is missing.
 */
async function makeSnapshot() {
  const pyodideDir = dirname(createRequire(import.meta.url).resolve('pyodide/pyodide.mjs'));
  const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, 'pyodide.mjs')).href);
  const pyodide = await loadPyodide({ _makeSnapshot: true });
  // Emscripten names the program that started it (this script's path here) in `$_`.
  pyodide.runPython("import os; os.environ.pop('_', None)");
  // Mostly an idle heap: gzip makes 31 MB about 6. Stored compressed (the server sends it as it
  // is, without compressing it on every request); the kernel's worker inflates it.
  await writeFile(join(publicDir, 'pyodide', SNAPSHOT_FILE), gzipSync(pyodide.makeMemorySnapshot(), { level: 9 }));
  await rm(join(publicDir, 'pyodide', 'pyodide-snapshot.bin'), { force: true }); // from before it was compressed
}

const startedAt = performance.now();
await Promise.all([buildWorker(), buildFrame(), copyPyodide().then(makeSnapshot)]);
console.log(`kernel: built public/kernel/ (worker, frame) and public/pyodide/ (with a snapshot) in ${Math.round(performance.now() - startedAt)} ms`);
