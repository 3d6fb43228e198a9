/**
 * The native engine logs JSON lines on stderr; the Prisma CLI reads them to report errors:
 * `{ level, target: "schema_engine::logger", fields: { message, error_code? } }`.
 */

/** A user-facing error with a Prisma error code (P1003 "database does not exist", ...). */
export class EngineError extends Error {
  name = 'EngineError';
  /** @param {string} code @param {string} message */
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/**
 * @param {'INFO' | 'WARN' | 'ERROR'} level
 * @param {string} message
 * @param {Record<string, unknown>} [fields]
 */
export function logLine(level, message, fields = {}) {
  const line = { timestamp: new Date().toISOString(), level, fields: { message, ...fields }, target: 'schema_engine::logger' };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

/** Reports an error the way the native engine does before exiting with status 1. */
export function logError(error) {
  if (error instanceof EngineError) logLine('ERROR', error.message, { error_code: error.code });
  else if (error instanceof Error && error.name === 'UsageError') logLine('ERROR', `schema-engine: ${error.message}`);
  else logLine('ERROR', error instanceof Error ? error.message : String(error), { backtrace: error instanceof Error ? error.stack : undefined });
}
