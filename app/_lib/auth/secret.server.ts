import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The key that signs session cookies. Deployments set BETTER_AUTH_SECRET (the same value on every
 * instance, see docs/DEPLOY.md); a single machine without it gets a random key kept in
 * `data/auth-secret`, created once, so restarts keep everyone signed in.
 */
export function authSecret(): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv !== undefined && fromEnv.length >= 32) return fromEnv;
  if (fromEnv !== undefined && fromEnv !== '') throw new Error('BETTER_AUTH_SECRET must be at least 32 characters long');
  const file = path.join(/* turbopackIgnore: true */ process.cwd(), 'data', 'auth-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    try {
      writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
      return secret;
    } catch {
      return readFileSync(file, 'utf8').trim(); // another process created it first
    }
  }
}
