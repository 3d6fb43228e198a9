/**
 * The limits of one sandboxed run and the bubblewrap + prlimit command line that enforces them
 * (DESIGN.md section 4). Pure: no processes here.
 */
import { existsSync } from 'node:fs';
import { SANDBOX_DRIVER } from './sandbox-driver';

const MiB = 1024 * 1024;

export type SandboxLimits = {
  /** Wall-clock time from spawn to kill. */
  wallSeconds: number;
  /** CPU time of each process (RLIMIT_CPU, soft = hard: SIGKILL; pid 1 would ignore SIGXCPU). */
  cpuSeconds: number;
  /** Address space of each process (RLIMIT_AS: MemoryError). */
  addressSpaceBytes: number;
  /** Resident memory of all the run's processes together, watched by the host. */
  totalMemoryBytes: number;
  /** Threads and processes of the run together (RLIMIT_NPROC, counted in the run's user namespace). */
  tasks: number;
  /** Largest file the run may write (RLIMIT_FSIZE: OSError "File too large"). */
  fileBytes: number;
  openFiles: number;
  /** Size of the run's /tmp and /dev/shm (each a tmpfs of its own). */
  tmpBytes: number;
  shmBytes: number;
  /** Output (stdout + stderr) the run may print; past either, it is stopped. */
  outputBytes: number;
  outputLines: number;
  /** After an interrupt's SIGINT, how long the run has to end before it is killed. */
  interruptGraceMs: number;
};

export const DEFAULT_LIMITS: SandboxLimits = {
  wallSeconds: 30,
  cpuSeconds: 30,
  addressSpaceBytes: 512 * MiB,
  totalMemoryBytes: 1024 * MiB,
  tasks: 32,
  fileBytes: 16 * MiB,
  openFiles: 256,
  tmpBytes: 32 * MiB,
  shmBytes: 32 * MiB,
  outputBytes: 1024 * 1024,
  outputLines: 10_000,
  interruptGraceMs: 2000,
};

/** Thread stacks under RLIMIT_AS: glibc sizes them from RLIMIT_STACK (8 MiB by default). */
const STACK_BYTES = MiB;

const DEFAULT_UID_BASE = 3_000_000;

const BWRAP_CANDIDATES = ['/usr/bin/bwrap', '/usr/local/bin/bwrap', '/bin/bwrap'];

/** The bwrap executable (AWAITABLE_BWRAP, else the usual places), or null. */
export function findBwrap(): string | null {
  const configured = process.env.AWAITABLE_BWRAP;
  if (configured) return existsSync(configured) ? configured : null;
  return BWRAP_CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

/**
 * The command that starts bwrap: through `setpriv --pdeathsig KILL` when util-linux has it, so
 * that if the server process dies (even by SIGKILL) its sandboxes die with it, instead of
 * living on without anyone to enforce their wall time. bwrap's --die-with-parent does the same
 * one level down.
 */
export function sandboxLauncher(bwrap: string, limits: SandboxLimits): { command: string; args: string[] } {
  const setpriv = '/usr/bin/setpriv';
  if (existsSync(setpriv)) return { command: setpriv, args: ['--pdeathsig', 'KILL', '--', bwrap, ...sandboxArgs(limits)] };
  return { command: bwrap, args: sandboxArgs(limits) };
}

/** Debian's python3 (3.10+). It must live under /usr: only /usr is visible in the sandbox. */
export function sandboxPython(): string {
  return process.env.AWAITABLE_SERVER_PYTHON ?? '/usr/bin/python3';
}

/**
 * When the host process is root, each concurrency slot runs as a uid of its own (RLIMIT_NPROC
 * is ignored for root, and a uid per slot keeps one run's processes off another's count).
 * AWAITABLE_SANDBOX_UID_BASE moves the range; the default sits far above real users.
 */
export function slotUid(slot: number): number | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const configured = Number(process.env.AWAITABLE_SANDBOX_UID_BASE ?? DEFAULT_UID_BASE);
  // Node takes int32 uids; leave room for the slots.
  const base = Number.isInteger(configured) && configured > 0 && configured < 2 ** 31 - 2000 ? configured : DEFAULT_UID_BASE;
  return base + slot;
}

/**
 * bwrap's arguments: an empty root with read-only /usr, fresh /proc, read-only /dev and small
 * tmpfs. `--as-pid-1`: Python itself is the pid namespace's init, so when it exits the kernel
 * kills everything else in the sandbox, and bwrap reaps it (with bwrap's own init, that init
 * was left a zombie for the host's pid 1 to reap, which in a container may never happen).
 * Python handles SIGINT itself, so an interrupt still raises KeyboardInterrupt.
 */
export function sandboxArgs(limits: SandboxLimits, python: string = sandboxPython()): string[] {
  // prettier-ignore
  return [
    '--unshare-all', '--unshare-user', '--uid', '65534', '--gid', '65534',
    '--die-with-parent', '--new-session', '--as-pid-1', '--cap-drop', 'ALL', '--disable-userns',
    '--hostname', 'sandbox',
    '--ro-bind', '/usr', '/usr',
    '--symlink', 'usr/bin', '/bin', '--symlink', 'usr/sbin', '/sbin',
    '--symlink', 'usr/lib', '/lib', '--symlink', 'usr/lib64', '/lib64',
    '--proc', '/proc', '--dev', '/dev',
    '--size', String(limits.tmpBytes), '--tmpfs', '/tmp',
    '--size', String(limits.shmBytes), '--tmpfs', '/dev/shm',
    '--remount-ro', '/dev', '--remount-ro', '/',
    '--chdir', '/tmp',
    '--clearenv',
    '--setenv', 'HOME', '/tmp', '--setenv', 'LANG', 'C.UTF-8', '--setenv', 'PYTHONIOENCODING', 'utf-8',
    '--setenv', 'PATH', '/usr/bin:/bin', '--setenv', 'MALLOC_ARENA_MAX', '2',
    '--',
    '/usr/bin/prlimit',
    `--cpu=${limits.cpuSeconds}`,
    `--as=${limits.addressSpaceBytes}`,
    `--nproc=${limits.tasks}`,
    `--fsize=${limits.fileBytes}`,
    `--nofile=${limits.openFiles}`,
    `--stack=${STACK_BYTES}`,
    '--core=0',
    '--',
    python, '-I', '-u', '-B', '-c', SANDBOX_DRIVER,
  ];
}
