/**
 * A code fence's meta string: ```python id=gather timeout=5 kernel=server setup
 * `key=value` and `key="quoted value"` pairs, and bare flags (`setup`, `starter`), which read as `true`.
 */
export type FenceMeta = Record<string, string | true>;

const tokenPattern = /(?:[^\s"]+|"[^"]*")+/g;
const entryPattern = /^([A-Za-z][\w-]*)(?:=(?:"([^"]*)"|([^\s"]+)))?$/;

function tokens(meta: string | null | undefined): string[] {
  return (meta ?? '').match(tokenPattern) ?? [];
}

export function parseFenceMeta(meta: string | null | undefined): FenceMeta {
  const pairs: FenceMeta = {};
  for (const token of tokens(meta)) {
    const match = entryPattern.exec(token);
    const key = match?.[1];
    if (key) pairs[key] = match[2] ?? match[3] ?? true;
  }
  return pairs;
}

/** The words of a meta string that do not read as `key`, `key=value` or `key="value"`. */
export function unparsedFenceMeta(meta: string | null | undefined): string[] {
  return tokens(meta).filter((token) => !entryPattern.test(token));
}
