/** Where signing in or up leads when the link names nowhere (or somewhere not allowed). */
export const DEFAULT_NEXT_PATH = '/progress';

/**
 * The `next` query parameter of the sign-in and sign-up pages, if it is a path on this site;
 * otherwise the default. An open redirect would let a link on another site send a learner who
 * just signed in to a look-alike page: "//evil.test", "/\evil.test", "https://evil.test" and
 * anything with control characters are refused.
 */
export function safeNextPath(value: string | string[] | undefined): string {
  const next = Array.isArray(value) ? value[0] : value;
  if (next === undefined || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return DEFAULT_NEXT_PATH;
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return DEFAULT_NEXT_PATH;
  const base = 'http://same.site';
  try {
    const url = new URL(next, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : DEFAULT_NEXT_PATH;
  } catch {
    return DEFAULT_NEXT_PATH;
  }
}

/** A sign-in or sign-up link that keeps the way back. */
export function withNext(page: '/account/sign-in' | '/account/sign-up', next: string): string {
  return next === DEFAULT_NEXT_PATH ? page : `${page}?next=${encodeURIComponent(next)}`;
}
