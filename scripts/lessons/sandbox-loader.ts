/**
 * The server kernel's Node side (runtime/server/sandbox.ts, contract C2), loaded only if it
 * exists, so lessons:check works before and without it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type SandboxStreamEvent = { type: 'stream'; name: 'stdout' | 'stderr'; text: string };
export type SandboxRunEnd = { reason: string; exitCode: number | null; elapsedMs: number; message?: string };
export type SandboxStatus = { available: true } | { available: false; reason: string };
export type SandboxRequest = { code: string; setup: string[]; timeoutSeconds?: number };

/** What lessons:check needs of the server kernel. */
export type Sandbox = {
  run(request: SandboxRequest, onEvent: (event: SandboxStreamEvent) => void): Promise<SandboxRunEnd>;
};

export type SandboxAvailability = { available: true; sandbox: Sandbox } | { available: false; reason: string };

type SandboxModule = {
  checkSandbox: () => Promise<SandboxStatus>;
  runInSandbox: (request: SandboxRequest, onEvent: (event: SandboxStreamEvent) => void) => Promise<SandboxRunEnd>;
};

function isSandboxModule(value: unknown): value is SandboxModule {
  return (
    typeof value === 'object' &&
    value !== null &&
    'checkSandbox' in value &&
    typeof value.checkSandbox === 'function' &&
    'runInSandbox' in value &&
    typeof value.runInSandbox === 'function'
  );
}

const sandboxUrl = new URL('../../runtime/server/sandbox.ts', import.meta.url);

export async function loadSandbox(): Promise<SandboxAvailability> {
  if (!existsSync(fileURLToPath(sandboxUrl))) return { available: false, reason: 'runtime/server/sandbox.ts does not exist yet' };
  let loaded: unknown;
  try {
    loaded = await import(/* @vite-ignore */ sandboxUrl.href);
  } catch (error) {
    return { available: false, reason: `runtime/server/sandbox.ts failed to load: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!isSandboxModule(loaded)) return { available: false, reason: 'runtime/server/sandbox.ts does not export checkSandbox and runInSandbox' };
  const sandboxModule = loaded;
  const status = await sandboxModule.checkSandbox();
  if (!status.available) return { available: false, reason: status.reason };
  return { available: true, sandbox: { run: (request, onEvent) => sandboxModule.runInSandbox(request, onEvent) } };
}
