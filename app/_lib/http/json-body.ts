// Any zod schema, classic or mini (the progress schemas are mini: the page bundles them).
import { config, safeParse, type $ZodType, type output } from 'zod/v4/core';
import { en } from 'zod/v4/locales';

// zod/mini ships without messages ("Invalid input"); a 400 must say what is wrong
// ("Unrecognized key: anonId"). Server only: the page never shows zod's messages.
config(en());

export type ParsedBody<T> = { ok: true; data: T } | { ok: false; status: 400 | 413 | 415; message: string };

/** Reads a small JSON body and validates it, with messages that name the failing field. */
export async function parseJsonBody<Schema extends $ZodType>(
  request: Request,
  schema: Schema,
  maxBytes: number,
): Promise<ParsedBody<output<Schema>>> {
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    return { ok: false, status: 415, message: 'Content-Type must be application/json' };
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) return { ok: false, status: 413, message: `body is larger than ${maxBytes} bytes` };
  const text = await request.text();
  if (new TextEncoder().encode(text).byteLength > maxBytes) {
    return { ok: false, status: 413, message: `body is larger than ${maxBytes} bytes` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, status: 400, message: 'body is not valid JSON' };
  }
  const validated = validateBody(schema, json);
  return validated.ok ? validated : { ok: false, status: 400, message: validated.issues.join('; ') };
}

/** A parsed body checked against its schema; each issue names its field ("events.0.cellId: ..."). */
export function validateBody<Schema extends $ZodType>(
  schema: Schema,
  json: unknown,
): { ok: true; data: output<Schema> } | { ok: false; issues: string[] } {
  const parsed = safeParse(schema, json);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`) };
}
