#!/usr/bin/env node
/**
 * A stand-in for Prisma's native schema-engine binary, which the CLI downloads from a host we
 * cannot reach. It runs the engine's WebAssembly build (@prisma/schema-engine-wasm) over the
 * driver adapters and speaks the binary's protocol, so `prisma generate`, `migrate *` and
 * `db *` work offline. prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here.
 * `DEBUG=prisma:schemaEngine:stderr npx prisma ...` shows the engine's logs.
 */
import { UsageError, parseArgs } from './engine/argv.mjs';
import { logError, logLine } from './engine/log.mjs';
import { providerFor } from './engine/providers.mjs';
import { serveJsonRpc } from './engine/rpc.mjs';
import { openSession } from './engine/session.mjs';
import { loadSchemaEngineWasm } from './engine/wasm.mjs';

async function main(argv) {
  const args = parseArgs(argv);
  if (args.version) {
    const { version } = await loadSchemaEngineWasm();
    process.stdout.write(`schema-engine-cli ${version}\n`);
    return;
  }
  const cwd = process.cwd();
  if (args.cliCommand !== undefined && args.datasource !== undefined) {
    // The CLI skips the first stderr line when it looks for the error of a `cli` command.
    logLine('INFO', `schema-engine (wasm) cli ${args.cliCommand}`);
    const { url } = args.datasource;
    const provider = await providerFor(url);
    if (args.cliCommand === 'can-connect-to-database') await provider.canConnect(url, cwd);
    else if (args.cliCommand === 'create-database') process.stdout.write(`${await provider.createDatabase(url, cwd)}\n`);
    else await provider.dropDatabase(url, cwd);
    return;
  }
  const session = await openSession({
    datamodels: args.datamodels,
    datasource: args.datasource,
    cwd,
    // The engine's tracing lines, already in the native format: the CLI keeps them for error reports.
    log: (line) => process.stderr.write(line.endsWith('\n') ? line : `${line}\n`),
  });
  try {
    await serveJsonRpc(session);
  } finally {
    session.close();
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error) => {
    logError(error);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
