/**
 * Fail closed: before any learner code runs, prove that the sandbox works here (bubblewrap
 * present, user namespaces allowed, the limits and the isolation in force). When it does not,
 * say why and how to enable it. Learner code never runs unsandboxed.
 */
import { existsSync } from 'node:fs';
import { DEFAULT_LIMITS, findBwrap, sandboxPython, slotUid, type SandboxLimits } from './sandbox-command';
import { startSandboxRun } from './sandbox-launch';
import type { ServerKernelStatus } from './server-kernel-client';

const PROBE_MARK = 'awaitable-sandbox-ok';

/** Checks, inside the sandbox, what the sandbox promises. */
function probe(limits: SandboxLimits): string {
  return `
import os, resource, socket, sys
assert sys.version_info >= (3, 10), "python3 is %s; server cells need 3.10 or newer" % sys.version.split()[0]
assert os.getuid() == 65534, "the code runs as uid %d, not 65534" % os.getuid()
assert not os.path.exists("/etc/passwd"), "the host's /etc is visible"
assert resource.getrlimit(resource.RLIMIT_NPROC)[0] == ${limits.tasks}, "the process limit is not in force"
assert resource.getrlimit(resource.RLIMIT_AS)[0] == ${limits.addressSpaceBytes}, "the memory limit is not in force"
try:
    socket.create_connection(("1.1.1.1", 53), timeout=1)
    raise AssertionError("the network is reachable")
except OSError:
    pass
with open("/tmp/probe", "w") as probe:
    probe.write("x")
try:
    open("/usr/probe", "w")
    raise AssertionError("/usr is writable")
except OSError:
    pass
print("${PROBE_MARK}")
`;
}

const ENABLE_USERNS =
  'Unprivileged user namespaces seem to be disabled. Enable them: on Debian `sudo sysctl -w kernel.unprivileged_userns_clone=1`; ' +
  'on Ubuntu 23.10+ `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0` (or give bwrap an AppArmor profile); ' +
  'in Docker, run the container with `--security-opt seccomp=unconfined --security-opt apparmor=unconfined` ' +
  '(the default profiles forbid creating namespaces).';

export async function runSandboxCheck(limits: SandboxLimits = DEFAULT_LIMITS): Promise<ServerKernelStatus> {
  if (process.platform !== 'linux') {
    return { available: false, reason: `Server cells need Linux with bubblewrap; this server runs on ${process.platform}.` };
  }
  const bwrap = findBwrap();
  if (bwrap === null) {
    return {
      available: false,
      reason:
        'bubblewrap (bwrap) is not installed, so server cells cannot run safely. Install it: `sudo apt-get install bubblewrap` ' +
        '(Debian/Ubuntu; `npm start` does this when run as root), `sudo dnf install bubblewrap` (Fedora), `sudo pacman -S bubblewrap` (Arch).',
    };
  }
  const python = sandboxPython();
  if (!python.startsWith('/usr/') || !existsSync(python)) {
    return { available: false, reason: `${python} is missing (or not under /usr): install python3 3.10+ (\`sudo apt-get install python3\`).` };
  }
  let output = '';
  const run = startSandboxRun({ code: probe(limits), setup: [] }, (event) => (output += event.text), {
    slot: 0,
    limits: { ...limits, wallSeconds: 10 },
  });
  if (run === null) return { available: false, reason: `${bwrap} disappeared during the check.` };
  const end = await run.done;
  if (end.reason === 'finished' && output.includes(PROBE_MARK)) return { available: true };
  const said = output.trim().split('\n').slice(-3).join(' ').slice(0, 600);
  if (/Unknown option/.test(said)) {
    return { available: false, reason: `${bwrap} is too old (${said}): server cells need bubblewrap 0.8 or newer (Debian 12, Ubuntu 24.04).` };
  }
  if (end.reason === 'unavailable' && slotUid(0) !== undefined) {
    return {
      available: false,
      reason: `${end.message ?? 'The sandbox could not start.'} As root, runs use host uids from ${slotUid(0)}: set AWAITABLE_SANDBOX_UID_BASE to a range this machine maps.`,
    };
  }
  if (/bwrap:|namespace|uid map|Operation not permitted|Permission denied/i.test(said) && !/AssertionError/.test(said)) {
    return { available: false, reason: `The sandbox cannot start (${said}). ${ENABLE_USERNS}` };
  }
  return { available: false, reason: `The sandbox self-check failed (${end.reason}): ${said || end.message || 'no output'}` };
}
