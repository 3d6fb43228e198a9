import { describe, expect, it } from 'vitest';
import { RunLock } from './run-lock';

/** A piece of work that logs its start and end and finishes when told. */
function task(log: string[], name: string) {
  let finish = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    work: async () => {
      log.push(`${name} start`);
      await finished;
      log.push(`${name} end`);
    },
    finish: () => finish(),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the run lock', () => {
  it('lets shared turns overlap, and runs an exclusive turn alone, in arrival order', async () => {
    const lock = new RunLock();
    const log: string[] = [];
    const a = task(log, 'a');
    const b = task(log, 'b');
    const server = task(log, 'server');
    const c = task(log, 'c');
    const done = [lock.shared(a.work), lock.shared(b.work), lock.exclusive(server.work), lock.shared(c.work)];
    await tick();
    expect(log).toEqual(['a start', 'b start']);
    a.finish();
    await tick();
    expect(log).toEqual(['a start', 'b start', 'a end']);
    b.finish();
    await tick();
    // c came after the server cell: it waits, though b's turn was shared too.
    expect(log).toEqual(['a start', 'b start', 'a end', 'b end', 'server start']);
    server.finish();
    await tick();
    expect(log.slice(-2)).toEqual(['server end', 'c start']);
    c.finish();
    await Promise.all(done);
  });

  it('releases a turn whose work throws', async () => {
    const lock = new RunLock();
    await expect(lock.exclusive(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lock.shared(async () => 'next')).resolves.toBe('next');
  });
});
