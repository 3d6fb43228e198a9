// Finds a Chromium for Playwright, installing Debian's package when we are root and none is
// present. Never downloads a browser build of its own (browser hosts are unreachable here).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fail, run, say } from './steps.mjs';

const candidates = [
  process.env.AWAITABLE_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChromium() {
  return candidates.find((candidate) => candidate && existsSync(candidate)) ?? null;
}

function canUseAptGet() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (!canUseAptGet()) {
    fail(
      'No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`;' +
        ' macOS: Google Chrome) or set AWAITABLE_CHROMIUM to its executable.',
    );
  }
  say("Installing Debian's chromium package for Playwright (apt-get)");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { env });
  return findChromium() ?? fail('apt-get installed chromium, but no executable was found at /usr/bin/chromium.');
}
