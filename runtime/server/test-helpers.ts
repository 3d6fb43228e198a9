/** Helpers for the server kernel's tests: run code in the real sandbox and collect what it printed. */
import { readdirSync, readFileSync } from 'node:fs';
import { startSandboxRun, type SandboxLimits } from './sandbox';
import type { ServerRunEnd } from './server-kernel-client';

export type Outcome = { end: ServerRunEnd; stdout: string; stderr: string };

/**
 * The tests' own slot (so their own host uid when run as root): nobody else's runs share it,
 * so "no process of this uid is left" means this test left nothing behind.
 */
export const TEST_SLOT = 500 + (process.pid % 400);

export async function runCode(
  code: string,
  options: { setup?: string[]; limits?: Partial<SandboxLimits>; signal?: AbortSignal; slot?: number } = {},
): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const run = startSandboxRun(
    { code, setup: options.setup ?? [] },
    (event) => {
      if (event.name === 'stdout') stdout += event.text;
      else stderr += event.text;
    },
    { slot: options.slot ?? TEST_SLOT, ...(options.limits && { limits: options.limits }) },
  );
  if (run === null) throw new Error('bwrap is not installed: the server kernel tests need bubblewrap');
  options.signal?.addEventListener('abort', () => run.interrupt(), { once: true });
  const end = await run.done;
  return { end, stdout, stderr };
}

/** A small run that must finish normally, and fast, while an attack runs beside it. */
export async function bystander(): Promise<Outcome> {
  return runCode('import threading\nprint(sum(range(10)), threading.active_count())', { slot: TEST_SLOT + 1 });
}

/** Host processes whose real uid is `uid` (the sandbox's slot uid when the tests run as root). */
export function processesOfUid(uid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const line = status.split('\n').find((candidate) => candidate.startsWith('Uid:'));
      if (line && Number(line.split(/\s+/)[1]) === uid) found.push(Number(entry));
    } catch {
      // Exited meanwhile.
    }
  }
  return found;
}
