import { createInterface } from 'node:readline';
import { EngineError } from './log.mjs';
import { MethodNotFound } from './session.mjs';
import { isWasmPanic, panicRegistry } from './wasm.mjs';

/**
 * The native engine's stdio protocol: one JSON-RPC 2.0 message per line. The CLI sends requests
 * on stdin; we answer on stdout, and may send our own `print` requests, which the CLI answers.
 * Requests run one at a time, in order. Resolves when stdin closes.
 * @param {Awaited<ReturnType<typeof import('./session.mjs').openSession>>} session
 */
export async function serveJsonRpc(session) {
  const send = (/** @type {object} */ message) => process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
  /** @type {Map<number, () => void>} */
  const pendingPrints = new Map();
  let nextPrintId = 1;
  const print = (/** @type {string} */ content) =>
    new Promise((resolve) => {
      const id = nextPrintId++;
      pendingPrints.set(id, () => resolve(undefined));
      send({ id, method: 'print', params: { content } });
    });

  let queue = Promise.resolve();
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ id: null, error: { code: -32700, message: `Parse error: ${line.slice(0, 200)}` } });
      continue;
    }
    if (message.method === undefined) {
      // The CLI's answer to one of our print requests: answered while a request is running.
      pendingPrints.get(message.id)?.();
      pendingPrints.delete(message.id);
      continue;
    }
    queue = queue.then(async () => {
      try {
        send({ id: message.id, result: await session.call(message.method, message.params, print) });
      } catch (error) {
        send({ id: message.id, error: toRpcError(session.resolveError(error), message.method) });
      }
    });
  }
  await queue;
}

/** The error shape the Prisma CLI understands (`error.data.{is_panic, message, error_code}`). */
function toRpcError(error, method) {
  if (error instanceof MethodNotFound) return { code: -32601, message: error.message };
  if (isWasmPanic(error)) {
    const message = panicRegistry.message || String(error);
    return { code: 4466, message: 'An error happened. Check the data field for details.', data: { is_panic: true, message, backtrace: error.stack } };
  }
  const code = codeOf(error);
  const message = messageOf(error);
  const data = code === undefined ? { is_panic: false, message } : { is_panic: false, message, error_code: code, meta: metaOf(error) };
  return { code: 4466, message: `${method} failed. Check the data field for details.`, data };
}

const codeOf = (error) =>
  error instanceof EngineError || (error && typeof error === 'object' && typeof error.code === 'string' && /^P\d{4}$/.test(error.code))
    ? error.code
    : undefined;
const metaOf = (error) => (error && typeof error === 'object' && 'meta' in error ? error.meta : null);

function messageOf(error) {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object') {
    if (typeof error.message === 'string') return error.message;
    return JSON.stringify(error); // A driver adapter error payload ({ kind, ... }).
  }
  return String(error);
}
