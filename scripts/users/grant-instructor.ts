/**
 * npm run user:instructor -- EMAIL [--revoke]
 * Grants the instructor role to the account with EMAIL (it can then create cohorts at
 * /instructor and see their learners' progress), or takes it away with --revoke. Uses the
 * database the app uses (DATABASE_URL, default file:data/awaitable.db).
 */
import { register } from 'node:module';

const usage = 'usage: npm run user:instructor -- EMAIL [--revoke]';

export function parseArguments(argv: readonly string[]): { email: string; revoke: boolean } | { error: string } {
  const flags = argv.filter((arg) => arg.startsWith('-'));
  const emails = argv.filter((arg) => !arg.startsWith('-'));
  const unknown = flags.find((flag) => flag !== '--revoke');
  if (unknown !== undefined) return { error: `unknown option ${unknown}\n${usage}` };
  if (emails.length !== 1 || !emails[0]?.includes('@')) return { error: `expected one email address\n${usage}` };
  return { email: emails[0], revoke: flags.includes('--revoke') };
}

async function main(): Promise<number> {
  const parsed = parseArguments(process.argv.slice(2));
  if ('error' in parsed) {
    console.error(`user:instructor: ${parsed.error}`);
    return 2;
  }
  // The data layer is marked server-only (a guard against bundling it into the browser); this
  // CLI is server-side too, so that marker resolves to an empty module here.
  const hook = `export async function resolve(specifier, context, next) {
    return specifier === 'server-only' ? { url: 'data:text/javascript,', shortCircuit: true } : next(specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  const { setRole, UnknownAccountError } = await import('@/app/_lib/cohorts/instructor-role.server');
  const { db } = await import('@/app/_lib/db.server');
  try {
    const result = await setRole(parsed.email, parsed.revoke ? 'learner' : 'instructor');
    const what = parsed.revoke ? 'is no longer an instructor' : 'is an instructor';
    console.log(`user:instructor: ${result.name} <${result.email}> ${what}${result.changed ? '' : ' (no change)'}`);
    return 0;
  } catch (error) {
    if (error instanceof UnknownAccountError) {
      console.error(`user:instructor: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
