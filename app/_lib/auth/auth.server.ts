import 'server-only';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { db, databaseProvider } from '@/app/_lib/db.server';
import { anonymousCookieName, isAnonymousId } from '@/app/_lib/identity/anonymous-id';
import { mergeAnonymousLearner } from '@/app/_lib/progress/merge-learners.server';
import { authSecret } from './secret.server';

import { MIN_PASSWORD_LENGTH } from './password-rules';

function cookieValue(headers: Headers | undefined, name: string): string | undefined {
  for (const part of (headers?.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * Accounts: email and password through better-auth, users and sessions in our database (so
 * every app instance sees them), its rate limiter in the database too. When a session starts
 * (sign up or sign in), the browser's anonymous progress is merged into the account.
 */
export const auth = betterAuth({
  secret: authSecret(),
  // A deployment names its public URL (BETTER_AUTH_URL, see docs/DEPLOY.md); otherwise the URL
  // is taken from each request whose host is allowed (AWAITABLE_AUTH_HOSTS, default: this machine).
  baseURL: process.env.BETTER_AUTH_URL || {
    allowedHosts: (process.env.AWAITABLE_AUTH_HOSTS ?? 'localhost:*,127.0.0.1:*,[::1]:*').split(','),
    protocol: 'auto',
  },
  database: prismaAdapter(db, { provider: databaseProvider, transaction: false }),
  emailAndPassword: { enabled: true, autoSignIn: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: 128 },
  session: {
    // A signed copy of the session in a cookie spares most requests a database read; five
    // minutes bounds how long a revoked session can linger.
    cookieCache: { enabled: true, maxAge: 5 * 60 },
  },
  rateLimit: {
    enabled: true,
    storage: 'database',
    window: 60,
    max: 100,
    customRules: { '/sign-in/email': { window: 60, max: 10 }, '/sign-up/email': { window: 60, max: 5 } },
  },
  advanced: {
    // Secure (and __Secure- prefixed) cookies only when the site is served over HTTPS.
    useSecureCookies: (process.env.BETTER_AUTH_URL ?? '').startsWith('https:'),
    defaultCookieAttributes: { sameSite: 'lax', httpOnly: true },
    ipAddress: { ipAddressHeaders: ['x-forwarded-for', 'x-real-ip'] },
  },
  databaseHooks: {
    session: {
      create: {
        after: async (session, context) => {
          const anonId = cookieValue(context?.headers ?? context?.request?.headers, anonymousCookieName);
          if (!isAnonymousId(anonId)) return;
          // A failed merge must not fail the sign-in: the anonymous progress stays under its
          // cookie, nothing is lost, and the next sign-in tries again.
          await mergeAnonymousLearner(anonId, session.userId).catch((error: unknown) => {
            console.error(`auth: merging anonymous progress into account ${session.userId} failed: ${String(error)}`);
          });
        },
      },
    },
  },
});

export const sessionCookiePrefix = 'better-auth.session';
