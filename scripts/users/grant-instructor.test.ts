import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/app/_lib/progress/test-database';
import { projectRoot } from '@/scripts/prisma/run-prisma.mjs';
import { parseArguments } from './grant-instructor';

const database = useTestDatabase(beforeAll, afterAll);
const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');

/** Runs the real CLI, as `npm run user:instructor -- ...` does, on the test database. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['scripts/users/grant-instructor.ts', ...args], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

const roleOf = async (email: string) => (await database.db().user.findUniqueOrThrow({ where: { email } })).role;

describe('npm run user:instructor', () => {
  it('grants the role, says so, and --revoke takes it away', async () => {
    const email = `ada-${randomUUID().slice(0, 8)}@example.test`;
    await database.db().user.create({ data: { id: randomUUID(), name: 'Ada Lovelace', email } });
    expect(await roleOf(email)).toBe('learner');

    const granted = await cli(email);
    expect(granted).toMatchObject({ code: 0, stdout: `user:instructor: Ada Lovelace <${email}> is an instructor\n` });
    expect(await roleOf(email)).toBe('instructor');
    expect((await cli(email.toUpperCase())).stdout).toContain('is an instructor (no change)');

    const revoked = await cli('--revoke', email);
    expect(revoked).toMatchObject({ code: 0, stdout: `user:instructor: Ada Lovelace <${email}> is no longer an instructor\n` });
    expect(await roleOf(email)).toBe('learner');
  }, 120_000);

  it('fails with a clear message when no account has the email, changing nothing', async () => {
    const before = await database.db().user.count({ where: { role: 'instructor' } });
    const result = await cli('nobody@example.test');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('user:instructor: no account has the email "nobody@example.test"');
    expect(await database.db().user.count({ where: { role: 'instructor' } })).toBe(before);
  }, 60_000);

  it('explains its usage when the arguments are wrong', async () => {
    expect(parseArguments([])).toEqual({ error: expect.stringContaining('expected one email address') });
    expect(parseArguments(['a@example.test', 'b@example.test'])).toEqual({ error: expect.stringContaining('expected one email address') });
    expect(parseArguments(['--force', 'a@example.test'])).toEqual({ error: expect.stringContaining('unknown option --force') });
    expect(parseArguments(['a@example.test', '--revoke'])).toEqual({ email: 'a@example.test', revoke: true });
    const result = await cli();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: npm run user:instructor -- EMAIL [--revoke]');
  }, 60_000);
});
