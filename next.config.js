// @ts-check
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The page must be cross-origin isolated (COOP + COEP) so the kernel can share a
 * SharedArrayBuffer with its worker for interrupts and blocking waits. The CSP keeps every
 * request on our origin; 'wasm-unsafe-eval' is what Pyodide needs, and statically generated
 * pages carry Next's inline bootstrap script, hence 'unsafe-inline' for scripts.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'${process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The kernel frame (public/kernel/frame.html, see runtime/browser/kernel.frame.ts) runs learner
 * code in an opaque origin, and its worker inherits this policy: scripts only from our kernel
 * and Pyodide paths, requests only for Pyodide's files. A CSP source cannot say "this origin,
 * this path" without naming the host, so the host is taken from the request (a proxy's
 * X-Forwarded-Host wins, as in app/_lib/http/same-origin.ts). A host CSP cannot name (IPv6, or
 * anything unexpected) keeps the app's policy, whose `frame-ancestors 'none'` stops the frame.
 */
const kernelHostPattern = '(?<kernelHost>[A-Za-z0-9.-]+(?::[0-9]{1,5})?)';
const kernelFramePolicy = [
  "default-src 'none'",
  "script-src :kernelHost/kernel/ :kernelHost/pyodide/ 'wasm-unsafe-eval'",
  'connect-src :kernelHost/pyodide/',
  'worker-src blob:',
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  'sandbox allow-scripts',
].join('; ');
/** Pyodide and the kernel are public static files that the frame's opaque origin loads. */
const sharedWithKernelFrame = [
  { key: 'Access-Control-Allow-Origin', value: '*' },
  { key: 'Cross-Origin-Resource-Policy', value: 'cross-origin' },
];

/**
 * Sizes of Pyodide's large files (public/pyodide/ is copied from the package by
 * `npm run build:kernel`), so the page's download progress has its total from the first byte:
 * the server compresses them, so responses carry no Content-Length.
 */
const pyodideDir = path.dirname(createRequire(import.meta.url).resolve('pyodide/pyodide.mjs'));
const pyodideFileSizes = Object.fromEntries(
  ['pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'].map((file) => [file, statSync(path.join(pyodideDir, file)).size]),
);

/**
 * The memory snapshot of a booted Pyodide that `npm run build:kernel` writes (gzipped) beside
 * Pyodide's files: its size (for the download's total) and a version in its URL, as the directory is
 * cached as immutable. Any snapshot made by the same script from the same Pyodide will do (their
 * bytes differ from build to build), so the version names those two, and a rebuild that
 * changes neither keeps the learner's cached copy. Without it the kernel boots Pyodide normally.
 */
const projectDir = path.dirname(new URL(import.meta.url).pathname);
const snapshotFile = path.join(projectDir, 'public', 'pyodide', 'pyodide-snapshot.bin.gz');
const pyodideSnapshot = existsSync(snapshotFile)
  ? {
      file: 'pyodide-snapshot.bin.gz',
      bytes: statSync(snapshotFile).size,
      hash: createHash('sha256')
        .update(readFileSync(path.join(pyodideDir, 'package.json')))
        .update(readFileSync(path.join(projectDir, 'scripts', 'kernel', 'build.mjs')))
        .digest('hex')
        .slice(0, 16),
    }
  : null;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The end-to-end tests also build their fixture course, into a folder of its own.
  distDir: process.env.AWAITABLE_DIST_DIR || '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  env: { AWAITABLE_PYODIDE_FILE_SIZES: JSON.stringify(pyodideFileSizes), AWAITABLE_PYODIDE_SNAPSHOT: JSON.stringify(pyodideSnapshot) },
  serverExternalPackages: ['esbuild', 'mdx-bundler', '@libsql/client', '@prisma/adapter-libsql'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
          { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
          { key: 'Content-Security-Policy', value: contentSecurityPolicy },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
      {
        // Pyodide's files are versioned by the package: cache them for a year.
        source: '/pyodide/:path*',
        headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }, ...sharedWithKernelFrame],
      },
      { source: '/kernel/:path*', headers: sharedWithKernelFrame },
      {
        source: '/kernel/frame.html',
        has: [{ type: 'header', key: 'host', value: kernelHostPattern }],
        headers: [{ key: 'Content-Security-Policy', value: kernelFramePolicy }],
      },
      {
        source: '/kernel/frame.html',
        has: [{ type: 'header', key: 'x-forwarded-host', value: kernelHostPattern }],
        headers: [{ key: 'Content-Security-Policy', value: kernelFramePolicy }],
      },
    ];
  },
};

export default nextConfig;
