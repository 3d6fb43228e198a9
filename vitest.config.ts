import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@/': new URL('./', import.meta.url).pathname,
      'server-only': new URL('./scripts/test/server-only-stub.ts', import.meta.url).pathname,
    },
  },
  test: {
    include: ['runtime/**/*.test.ts', 'app/**/*.test.ts', 'scripts/**/*.test.ts', 'prisma/**/*.test.ts'],
    environment: 'node',
    // Each file boots a real Pyodide or a real database: give them room, run files in parallel.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
