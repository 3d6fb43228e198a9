// `npm test`: install what is missing (dependencies, a Chromium), then run every suite:
// unit tests on the real kernel and database, then end-to-end tests in real Chromium.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureChromium } from './chromium.mjs';
import { buildNext, checkNodeVersion, ensureDependencies, prepareApp, projectRoot, say } from './steps.mjs';

checkNodeVersion();
ensureDependencies();
const chromium = ensureChromium();
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

suite('Unit tests (Vitest: real Pyodide kernel, real SQLite)', 'npm', ['exec', '--', 'vitest', 'run']);
buildNext();
buildNext(
  { AWAITABLE_CONTENT_DIR: path.join(projectRoot, 'e2e', 'course'), AWAITABLE_DIST_DIR: '.next-e2e-course' },
  "the end-to-end tests' fixture course",
);
suite('End-to-end tests (Playwright: real Chromium, real server, real SQLite)', 'npm', ['exec', '--', 'playwright', 'test'], {
  AWAITABLE_CHROMIUM: chromium,
});

if (failures.length > 0) {
  console.error(`\n\u001b[31mFailed suites:\n  ${failures.join('\n  ')}\u001b[0m`);
  process.exit(1);
}
say('All suites passed');
