// Fail closed: when the sandbox cannot work here, the check says why and how to fix it.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runSandboxCheck } from './sandbox-check';

const directory = mkdtempSync(path.join(tmpdir(), 'awaitable-fake-bwrap-'));
chmodSync(directory, 0o755); // the check runs bwrap as the slot's uid when we are root
afterAll(() => rmSync(directory, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.AWAITABLE_BWRAP;
});

/** A stand-in for bwrap that fails the way a real one does on such a machine. */
function fakeBwrap(name: string, stderr: string): string {
  const file = path.join(directory, name);
  writeFileSync(file, `#!/bin/sh\necho '${stderr}' >&2\nexit 1\n`);
  chmodSync(file, 0o755);
  return file;
}

describe('the sandbox self-check', () => {
  it('passes on this machine, with the real bubblewrap', async () => {
    expect(await runSandboxCheck()).toEqual({ available: true });
  });

  it('says to install bubblewrap when there is none', async () => {
    process.env.AWAITABLE_BWRAP = path.join(directory, 'missing');
    const status = await runSandboxCheck();
    expect(status.available).toBe(false);
    if (!status.available) expect(status.reason).toMatch(/not installed.*apt-get install bubblewrap/);
  });

  it('explains how to enable user namespaces when bwrap may not create them', async () => {
    process.env.AWAITABLE_BWRAP = fakeBwrap('no-userns', 'bwrap: No permissions to creating new namespace, likely because the kernel does not allow non-privileged user namespaces.');
    const status = await runSandboxCheck();
    expect(status.available).toBe(false);
    if (!status.available) expect(status.reason).toMatch(/kernel\.unprivileged_userns_clone=1.*apparmor_restrict_unprivileged_userns=0.*Docker/);
  });

  it('names the version needed when bwrap is too old for our flags', async () => {
    process.env.AWAITABLE_BWRAP = fakeBwrap('old', 'bwrap: Unknown option --disable-userns');
    const status = await runSandboxCheck();
    expect(status.available).toBe(false);
    if (!status.available) expect(status.reason).toMatch(/too old.*0\.8 or newer/);
  });
});
