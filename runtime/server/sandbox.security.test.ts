// Learner code tries to escape or exhaust the real sandbox (bubblewrap + prlimit); every attack
// must be contained, end with the right reason, and leave another learner's run unharmed.
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSandbox } from './sandbox';
import { slotUid } from './sandbox-command';
import { bystander, processesOfUid, runCode, TEST_SLOT, type Outcome } from './test-helpers';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const SECRET = 'awaitable-test-secret-7f3a';
const hostDirectory = mkdtempSync(path.join(tmpdir(), 'awaitable-sandbox-'));
const hostSecretFile = path.join(hostDirectory, 'awaitable.db');
const appDatabase = path.join(projectRoot, 'data', 'awaitable.db');

beforeAll(async () => {
  process.env.AWAITABLE_SECRET_FOR_TEST = SECRET; // in the server's environment, never the sandbox's
  writeFileSync(hostSecretFile, SECRET);
  expect(await checkSandbox()).toEqual({ available: true });
});
afterAll(() => rmSync(hostDirectory, { recursive: true, force: true }));

/** Runs `attack`, and while it runs a bystander that must finish normally within 5 s (it takes ~0.1 s; the attacks last 1.5-30 s). */
async function contained(attack: () => Promise<Outcome>): Promise<Outcome> {
  const running = attack();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const other = await bystander();
  expect(other.end.reason).toBe('finished');
  expect(other.stdout).toBe('45 1\n');
  expect(other.end.elapsedMs).toBeLessThan(5000);
  const outcome = await running;
  const uid = slotUid(TEST_SLOT);
  if (uid !== undefined) expect(processesOfUid(uid)).toEqual([]); // nothing left behind
  return outcome;
}

describe('the sandbox hides the host', () => {
  it('cannot read /etc/passwd, the app database, host files or the server environment', async () => {
    const files = ['/etc/passwd', '/proc/1/environ', hostSecretFile, appDatabase];
    const code = `
import os
for name in ${JSON.stringify(files)}:
    try:
        with open(name, "rb") as file:
            print(name, "READ", file.read())
    except OSError as error:
        print(name, type(error).__name__)
print("environ", sorted(os.environ))
`;
    const { end, stdout } = await runCode(code);
    expect(end.reason).toBe('finished');
    expect(stdout).not.toContain(SECRET);
    expect(stdout).toContain('/etc/passwd FileNotFoundError');
    expect(stdout).toContain(`${hostSecretFile} FileNotFoundError`);
    expect(stdout).toContain(`${appDatabase} FileNotFoundError`);
    // bwrap's own init is pid 1; its environment is the (empty) one the host gave bwrap.
    expect(stdout).not.toMatch(/DATABASE_URL|AWAITABLE_SECRET|PATH=\/root/);
    expect(stdout).toContain("environ ['HOME', 'LANG', 'MALLOC_ARENA_MAX', 'PATH', 'PWD', 'PYTHONIOENCODING']");
    expect(existsSync(hostSecretFile)).toBe(true);
  });

  it('cannot write anywhere but its own small /tmp and /dev/shm', async () => {
    const code = `
for name in ["/escape", "/usr/escape", "/proc/sys/kernel/hostname", "/dev/escape", "/tmp/ok", "/dev/shm/ok"]:
    try:
        with open(name, "w") as file:
            file.write("x")
        print(name, "written")
    except OSError as error:
        print(name, type(error).__name__)
`;
    const { end, stdout } = await runCode(code);
    expect(end.reason).toBe('finished');
    expect(stdout.split('\n').filter((line) => line.endsWith('written'))).toEqual(['/tmp/ok written', '/dev/shm/ok written']);
  });

  it('has no network, not even to a server listening on the host', async () => {
    let connections = 0;
    const server: Server = createServer(() => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const code = `
import socket
for host in ["127.0.0.1", "1.1.1.1"]:
    try:
        socket.create_connection((host, ${port}), timeout=2)
        print(host, "CONNECTED")
    except OSError as error:
        print(host, error)
`;
    const { end, stdout } = await runCode(code);
    server.close();
    expect(end.reason).toBe('finished');
    expect(stdout).not.toContain('CONNECTED');
    expect(stdout).toContain('1.1.1.1 [Errno 101] Network is unreachable');
    expect(connections).toBe(0);
  });
});

describe('the sandbox cannot be exhausted', () => {
  it('contains a fork bomb within its process limit until the time limit', async () => {
    const code = `
import os, time
made = 0
while True:
    try:
        if os.fork() == 0:
            time.sleep(60)
            os._exit(0)
        made += 1
    except OSError:
        print("refused after", made, flush=True)
        time.sleep(60)
`;
    const { end, stdout } = await contained(() => runCode(code, { limits: { wallSeconds: 2 } }));
    expect(end.reason).toBe('time_limit');
    const made = Number(/refused after (\d+)/.exec(stdout)?.[1]);
    expect(made).toBeGreaterThan(3); // a 4-process pool fits
    expect(made).toBeLessThan(32);
  });

  it('contains a thread bomb: starting threads fails, the run ends with an error', async () => {
    const code = `
import threading, time
threads = []
while True:
    thread = threading.Thread(target=time.sleep, args=(5,), daemon=True)
    thread.start()
    threads.append(thread)
`;
    const { end, stderr } = await contained(() => runCode(code));
    expect(end.reason).toBe('error');
    expect(stderr).toContain("RuntimeError: can't start new thread");
  });

  it('stops a 4 GiB allocation with MemoryError: memory_limit', async () => {
    const { end, stderr } = await contained(() => runCode('data = bytearray(4 * 1024**3)'));
    expect(end.reason).toBe('memory_limit');
    expect(stderr).toContain('MemoryError');
  });

  it('stops processes that together use more memory than the run may: memory_limit', async () => {
    const code = `
import os, time
for _ in range(4):
    if os.fork() == 0:
        block = bytearray(100 * 1024 * 1024)  # touched: resident
        time.sleep(30)
time.sleep(30)
`;
    const { end } = await contained(() => runCode(code, { limits: { totalMemoryBytes: 256 * 1024 * 1024 } }));
    expect(end.reason).toBe('memory_limit');
  });

  it('cannot fill the disk: /tmp and /dev/shm are small, and files are capped', async () => {
    const code = `
for name in ["/tmp/fill", "/dev/shm/fill"]:
    try:
        with open(name, "wb") as file:
            while True:
                file.write(b"x" * 1024 * 1024)
    except OSError as error:
        print(name, error.strerror)
`;
    const { end, stdout } = await contained(() => runCode(code));
    expect(end.reason).toBe('finished');
    expect(stdout).toMatch(/\/tmp\/fill (No space left on device|File too large)/);
    expect(stdout).toMatch(/\/dev\/shm\/fill (No space left on device|File too large)/);
  });

  it('stops a flood of output at the output limit', async () => {
    let received = 0;
    const { end } = await contained(async () => {
      const outcome = await runCode('while True:\n    print("spam " * 20)');
      received = outcome.stdout.length;
      return outcome;
    });
    expect(end.reason).toBe('output_limit');
    expect(received).toBeLessThanOrEqual(1024 * 1024);
    expect(received).toBeGreaterThan(0);
  });

  it('stops an endless loop at the wall-time limit', async () => {
    const { end } = await contained(() => runCode('import time\nwhile True:\n    time.sleep(0.01)', { limits: { wallSeconds: 1.5 } }));
    expect(end.reason).toBe('time_limit');
    expect(end.elapsedMs).toBeGreaterThanOrEqual(1500);
    expect(end.elapsedMs).toBeLessThan(4000);
  });

  it('stops a busy loop at the CPU-time limit (RLIMIT_CPU)', async () => {
    const { end } = await contained(() => runCode('while True:\n    pass', { limits: { cpuSeconds: 1 } }));
    expect(end.reason).toBe('time_limit');
    expect(end.message).toMatch(/CPU time/);
  });

  it('kills a run that ignores SIGINT after the interrupt grace time', async () => {
    const abort = new AbortController();
    const code = 'import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nprint("ignoring", flush=True)\nwhile True:\n    time.sleep(0.01)';
    const { end, stdout } = await contained(() => {
      setTimeout(() => abort.abort(), 500);
      return runCode(code, { signal: abort.signal, limits: { interruptGraceMs: 700 } });
    });
    expect(stdout).toBe('ignoring\n');
    expect(end.reason).toBe('interrupted');
    expect(end.exitCode).toBeNull();
    expect(end.elapsedMs).toBeGreaterThanOrEqual(1100);
  });
});
