// `npm test`: install what is missing (dependencies, a Chromium, bubblewrap, PostgreSQL), then
// run every suite: unit tests on the real kernel, database and sandbox, every lesson's cells,
// end-to-end tests in real Chromium, and the progress suites again on PostgreSQL.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureBubblewrap } from './bubblewrap.mjs';
import { ensureChromium } from './chromium.mjs';
import { buildNext, checkNodeVersion, ensureDependencies, prepareApp, projectRoot, say } from './steps.mjs';

checkNodeVersion();
ensureDependencies();
const chromium = ensureChromium();
ensureBubblewrap();
prepareApp();

const failures = [];
function suite(name, command, args, env = {}) {
  say(name);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) failures.push(`${name} (exit ${result.status ?? result.signal}, ${seconds} s)`);
  else console.log(`${name}: passed in ${seconds} s`);
}

suite('Unit tests (Vitest: real Pyodide kernel, real SQLite, real sandbox)', 'npm', ['exec', '--', 'vitest', 'run']);
suite('Lesson check (every lesson, both languages, in the Node kernel and the server sandbox)', 'npm', ['run', 'lessons:check']);
buildNext();
buildNext(
  { AWAITABLE_CONTENT_DIR: path.join(projectRoot, 'e2e', 'course'), AWAITABLE_DIST_DIR: '.next-e2e-course' },
  "the end-to-end tests' fixture course",
);
suite('End-to-end tests (Playwright: real Chromium, real server, real SQLite)', 'npm', ['exec', '--', 'playwright', 'test'], {
  AWAITABLE_CHROMIUM: chromium,
});

// The data layer and the progress end-to-end tests again, on a real PostgreSQL server.
say('Starting a PostgreSQL server for the PostgreSQL suites');
// Imported here, not at the top: it needs `pg`, which ensureDependencies() may have just installed.
const { startPostgres } = await import('./postgres.mjs');
const postgres = await startPostgres();
try {
  suite('Data-layer tests on PostgreSQL', 'npm', ['exec', '--', 'vitest', 'run', 'app/_lib/progress', 'app/_lib/http', 'app/_lib/cohorts'], {
    TEST_POSTGRES_URL: postgres.url,
  });
  const progressSpecs = ['progress-api', 'progress-page', 'account', 'progress-offline', 'progress-durability', 'progress-limits', 'cohorts', 'cohort-dashboard'];
  suite(
    'End-to-end progress tests on PostgreSQL',
    'npm',
    ['exec', '--', 'playwright', 'test', ...progressSpecs.map((spec) => `e2e/${spec}.spec.ts`)],
    { AWAITABLE_CHROMIUM: chromium, AWAITABLE_E2E_POSTGRES_URL: postgres.url },
  );
} finally {
  await postgres.stop();
}

if (failures.length > 0) {
  console.error(`\n\u001b[31mFailed suites:\n  ${failures.join('\n  ')}\u001b[0m`);
  process.exit(1);
}
say('All suites passed');
