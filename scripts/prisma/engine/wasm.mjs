import { readFile } from 'node:fs/promises';

/**
 * Loads @prisma/schema-engine-wasm. Its entry imports the .wasm file as an ES module, which
 * Node 20 only allows behind --experimental-wasm-modules, so we instantiate the module ourselves
 * and hand it to the package's JS glue.
 */
export async function loadSchemaEngineWasm() {
  // The glue reports Rust panics through this global before throwing a RuntimeError.
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= panicRegistry;
  const entry = new URL(import.meta.resolve('@prisma/schema-engine-wasm'));
  const glue = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const bytes = await readFile(new URL('schema_engine_bg.wasm', entry));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return { SchemaEngine: glue.SchemaEngine, version: glue.version() };
}

export const panicRegistry = {
  message: '',
  /** @param {string} message */
  set_message(message) {
    this.message = `RuntimeError: ${message}`;
  },
};

/** @param {unknown} error */
export function isWasmPanic(error) {
  return error instanceof Error && error.name === 'RuntimeError';
}
