/** Reading the kernel's bytecode description (docs/TRACE.md, "Bytecode"): parse it with a clear error. */
import * as z from 'zod/mini';
import { BYTECODE_FORMAT, BYTECODE_VERSION, Bytecode } from './bytecode-schema';
import type { CodeObject } from './bytecode-schema';

export class BytecodeFormatError extends Error {
  override name = 'BytecodeFormatError';
}

/** Parse bytecode JSON text; `source` names it in errors. */
export function parseBytecodeJson(text: string, source = 'bytecode'): Bytecode {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BytecodeFormatError(`${source} is not JSON: ${reason}`);
  }
  if (typeof data === 'object' && data !== null && 'format' in data && 'version' in data) {
    if (data.format === BYTECODE_FORMAT && data.version !== BYTECODE_VERSION) {
      throw new BytecodeFormatError(`${source} is version ${String(data.version)}; this reader knows version ${BYTECODE_VERSION}`);
    }
  }
  const parsed = Bytecode.safeParse(data);
  if (!parsed.success) throw new BytecodeFormatError(`${source} is not ${BYTECODE_FORMAT}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Every code object, depth-first (each function, then the code nested in it). */
export function codeObjectsOf(bytecode: Bytecode): CodeObject[] {
  const all: CodeObject[] = [];
  const visit = (code: CodeObject) => {
    all.push(code);
    code.children.forEach(visit);
  };
  bytecode.functions.forEach(visit);
  return all;
}
