import 'server-only';
import { auth, sessionCookiePrefix } from './auth.server';

/**
 * The signed-in account's user id, or null. Requests without a session cookie (anonymous
 * learners, most traffic) never reach better-auth.
 */
export async function currentUserId(headers: Headers): Promise<string | null> {
  if (!(headers.get('cookie') ?? '').includes(sessionCookiePrefix)) return null;
  const session = await auth.api.getSession({ headers });
  return session?.user.id ?? null;
}

/** The signed-in account's name and email for the header and account page, or null. */
export async function currentAccount(headers: Headers): Promise<{ name: string; email: string } | null> {
  if (!(headers.get('cookie') ?? '').includes(sessionCookiePrefix)) return null;
  const session = await auth.api.getSession({ headers });
  return session ? { name: session.user.name, email: session.user.email } : null;
}
