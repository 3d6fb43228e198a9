import 'server-only';
import { db } from '@/app/_lib/db.server';

export type Role = 'learner' | 'instructor';

/** No account has this email: the CLI says so and exits non-zero. */
export class UnknownAccountError extends Error {
  constructor(readonly email: string) {
    super(`no account has the email "${email}" (the person signs up first, at /account/sign-up)`);
    this.name = 'UnknownAccountError';
  }
}

/**
 * Grants (`instructor`) or takes away (`learner`) the instructor role of the account with this
 * email (any case). Cohorts it created stay; while revoked it cannot open them.
 */
export async function setRole(email: string, role: Role): Promise<{ name: string; email: string; role: Role; changed: boolean }> {
  // better-auth stores emails in lower case.
  const wanted = email.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email: wanted }, select: { id: true, name: true, email: true, role: true } });
  if (user === null) throw new UnknownAccountError(email.trim());
  if (user.role !== role) await db.user.update({ where: { id: user.id }, data: { role } });
  return { name: user.name, email: user.email, role, changed: user.role !== role };
}
