import { toNextJsHandler } from 'better-auth/next-js';
import { jsonError } from '@/app/_lib/http/progress-mutation';
import { isSameOriginRequest } from '@/app/_lib/http/same-origin';
import { auth } from '@/app/_lib/auth/auth.server';

const handler = toNextJsHandler(auth);

export const GET = handler.GET;

/** Sign up, sign in, sign out: better-auth checks the origin too; we refuse cross-site posts first. */
export function POST(request: Request) {
  if (!isSameOriginRequest(request)) return jsonError(403, 'cross-origin requests cannot sign in or out');
  return handler.POST(request);
}
