// Server cells (kernel="server") run in bubblewrap. Installs Debian's bubblewrap package when we
// are root on Debian/Ubuntu and it is missing; otherwise says what to install. Never fails the
// caller: without bubblewrap the app still serves, and server cells explain what is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { say } from './steps.mjs';

const candidates = [process.env.AWAITABLE_BWRAP, '/usr/bin/bwrap', '/usr/local/bin/bwrap', '/bin/bwrap'];

export function findBubblewrap() {
  return candidates.find((candidate) => candidate && existsSync(candidate)) ?? null;
}

function isDebianLike() {
  try {
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

function canUseAptGet() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && isDebianLike() && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

function warn(message) {
  console.warn(`\n\u001b[33m! ${message}\u001b[0m`);
}

const howToInstall =
  'Server cells (real threads) need bubblewrap: `sudo apt-get install bubblewrap` (Debian/Ubuntu), ' +
  '`sudo dnf install bubblewrap` (Fedora) or `sudo pacman -S bubblewrap` (Arch), and python3 3.10+ in /usr/bin.';

/** Returns the bwrap path, or null (after saying what to install) when there is none. */
export function ensureBubblewrap() {
  if (process.platform !== 'linux') {
    warn(`Server cells (real threads) need Linux with bubblewrap; on ${process.platform} they will say so and not run.`);
    return null;
  }
  const found = findBubblewrap();
  if (found) return found;
  if (!canUseAptGet()) {
    warn(`bubblewrap is not installed. ${howToInstall}`);
    return null;
  }
  say("Installing Debian's bubblewrap package for server cells (apt-get)");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const steps = [
    ['apt-get', ['update', '-qq']],
    ['apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'bubblewrap']],
  ];
  for (const [command, args] of steps) {
    const result = spawnSync(command, args, { stdio: 'inherit', env });
    if (result.status !== 0) {
      warn(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}). ${howToInstall}`);
      return null;
    }
  }
  return findBubblewrap() ?? (warn(`apt-get installed bubblewrap, but no bwrap was found. ${howToInstall}`), null);
}
