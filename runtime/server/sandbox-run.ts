/**
 * One sandboxed run from spawn to its end reason: streams capped output, enforces the wall
 * time and the whole tree's memory from the host, interrupts with SIGINT then kills, and says
 * why the run ended. The sandbox itself (namespaces, rlimits) is sandbox-command.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { OutputCap, type StreamName } from './output-cap';
import { childrenOf, treeUsage } from './process-tree';
import { sandboxLauncher, type SandboxLimits } from './sandbox-command';
import { encodeDriverInput } from './sandbox-driver';
import type { ServerRunEnd, ServerStreamEvent } from './server-kernel-client';

const WATCH_INTERVAL_MS = 100;
/** Output written within this long travels in one event (print() writes text and "\n" apart). */
const COALESCE_MS = 15;
const EXIT_SIGXCPU = 128 + 24;
/** The CPU limit kills with SIGKILL (soft = hard); a CPU time this close to it means it did. */
const CPU_LIMIT_SLACK_SECONDS = 0.3;
const EXIT_SIGKILL = 128 + 9;
const MiB = 1024 * 1024;

export type SandboxRunOptions = {
  bwrap: string;
  limits: SandboxLimits;
  /** Host uid/gid to spawn bwrap as (when the host is root). */
  uid?: number;
  code: string;
  setup: string[];
  /** The name tracebacks give the code (default `<cell>`). */
  filename?: string;
  onEvent: (event: ServerStreamEvent) => void;
};

type KillReason = 'time_limit' | 'memory_limit' | 'output_limit' | 'interrupted';

export class SandboxRun {
  readonly done: Promise<ServerRunEnd>;
  private readonly child: ChildProcess;
  private readonly startedAt = performance.now();
  private readonly cap: OutputCap;
  private killReason: KillReason | null = null;
  private interrupted = false;
  private memoryReported = false;
  private peakCpuSeconds = 0;
  private spawnError: Error | null = null;
  private ended = false;
  private readonly timers: NodeJS.Timeout[] = [];
  private pending: ServerStreamEvent[] = [];
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: SandboxRunOptions) {
    const { limits } = options;
    this.cap = new OutputCap(limits.outputBytes, limits.outputLines);
    const { command, args } = sandboxLauncher(options.bwrap, limits);
    this.child = spawn(command, args, {
      // Nothing of the server's environment (secrets): the sandbox's /proc/1/environ is bwrap's.
      // Only NODE_ENV, which Next's ProcessEnv type requires; --clearenv hides it from the code.
      env: { NODE_ENV: 'production' },
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      ...(options.uid !== undefined && { uid: options.uid, gid: options.uid }),
    });
    this.done = new Promise((resolve) => {
      this.child.once('error', (error) => (this.spawnError = error));
      this.child.once('close', (code, signal) => resolve(this.finish(code, signal)));
    });
    this.child.stdin?.on('error', () => undefined); // the run may exit before reading its input
    this.child.stdin?.end(encodeDriverInput(options));
    this.pipe('stdout');
    this.pipe('stderr');
    this.child.stdio[3]?.on('data', (chunk: Buffer) => {
      if (chunk.toString('utf8').includes('memory')) this.memoryReported = true;
    });
    this.timers.push(setTimeout(() => this.kill('time_limit'), limits.wallSeconds * 1000));
    this.timers.push(setInterval(() => this.watch(), WATCH_INTERVAL_MS));
  }

  /** SIGINT to the run's process group (KeyboardInterrupt), then a kill after the grace time. */
  interrupt(): void {
    if (this.ended || this.interrupted) return;
    this.interrupted = true;
    const python = this.child.pid === undefined ? undefined : childrenOf(this.child.pid)[0];
    // Python leads the sandbox's session (--new-session): the whole group gets SIGINT, as a
    // terminal's Ctrl-C would, so a multiprocessing pool's workers stop too.
    if (python !== undefined) signal(-python, 'SIGINT');
    this.timers.push(setTimeout(() => this.kill('interrupted'), this.options.limits.interruptGraceMs));
  }

  /**
   * Ends the run at once. Killing Python, the pid namespace's init, kills every process in the
   * sandbox, and bwrap reaps it; killing bwrap first would orphan Python to the host's pid 1.
   * bwrap is killed too if it lingers.
   */
  kill(reason: KillReason): void {
    if (this.ended) return;
    this.killReason ??= reason;
    const outer = this.child.pid;
    if (outer === undefined) return;
    const python = childrenOf(outer)[0];
    if (python === undefined) {
      signal(outer, 'SIGKILL');
      return;
    }
    signal(python, 'SIGKILL');
    this.timers.push(setTimeout(() => signal(outer, 'SIGKILL'), 1000));
  }

  private pipe(name: StreamName): void {
    this.child[name]?.on('data', (chunk: Buffer) => {
      this.emit(name, this.cap.take(name, chunk));
      if (this.cap.exceeded) this.kill('output_limit');
    });
  }

  /** Queues text, merged with the previous chunk of the same stream, for the next flush. */
  private emit(name: StreamName, text: string): void {
    if (!text) return;
    const last = this.pending.at(-1);
    if (last?.name === name) last.text += text;
    else this.pending.push({ type: 'stream', name, text });
    this.flushTimer ??= setTimeout(() => this.flush(), COALESCE_MS);
  }

  private flush(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const events = this.pending;
    this.pending = [];
    for (const event of events) this.options.onEvent(event);
  }

  private watch(): void {
    if (this.child.pid === undefined || this.ended) return;
    const usage = treeUsage(this.child.pid);
    this.peakCpuSeconds = Math.max(this.peakCpuSeconds, usage.cpuSeconds);
    if (usage.residentBytes > this.options.limits.totalMemoryBytes) this.kill('memory_limit');
  }

  private finish(code: number | null, signalName: NodeJS.Signals | null): ServerRunEnd {
    this.ended = true;
    for (const timer of this.timers) clearTimeout(timer);
    for (const name of ['stdout', 'stderr'] as const) this.emit(name, this.cap.flush(name));
    this.flush();
    const elapsedMs = Math.round(performance.now() - this.startedAt);
    const { limits } = this.options;
    const exitCode = this.killReason === null && signalName === null ? code : null;
    const end = (reason: ServerRunEnd['reason'], message?: string): ServerRunEnd => ({
      reason,
      exitCode,
      elapsedMs,
      ...(message !== undefined && { message }),
    });
    if (this.spawnError) return end('unavailable', `The sandbox could not start: ${this.spawnError.message}`);
    if (this.killReason === 'output_limit') {
      return end('output_limit', `Stopped: the run printed more than ${limits.outputBytes / MiB} MiB or ${limits.outputLines.toLocaleString('en')} lines.`);
    }
    if (this.killReason === 'memory_limit') return end('memory_limit', memoryMessage(limits));
    if (this.killReason === 'time_limit') return end('time_limit', `Stopped: the run took longer than ${limits.wallSeconds} s.`);
    if (this.interrupted) return end('interrupted', this.killReason === 'interrupted' ? 'Interrupted, then stopped: the run did not end on KeyboardInterrupt.' : 'Interrupted.');
    if (this.memoryReported) return end('memory_limit', memoryMessage(limits));
    const cpuKilled = code === EXIT_SIGXCPU || (code === EXIT_SIGKILL && this.peakCpuSeconds >= limits.cpuSeconds - CPU_LIMIT_SLACK_SECONDS);
    if (cpuKilled) return end('time_limit', `Stopped: the run used more than ${limits.cpuSeconds} s of CPU time.`);
    if (code === 0) return end('finished');
    return end('error', code !== null && code > 128 ? `The run was ended by signal ${code - 128}.` : undefined);
  }
}

function memoryMessage(limits: SandboxLimits): string {
  return `Stopped: the run needed more memory than its limit (${limits.addressSpaceBytes / MiB} MiB per process, ${limits.totalMemoryBytes / MiB} MiB in all).`;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}
