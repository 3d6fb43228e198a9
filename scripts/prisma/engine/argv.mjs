/**
 * The command line of Prisma's native schema-engine binary, as the Prisma CLI calls it:
 *   schema-engine --version
 *   schema-engine [--datamodels <file>]... [--datasource <json>] [--enabled-preview-features <list>]
 *   schema-engine --datasource <json> cli <can-connect-to-database|create-database|drop-database>
 * Flags may come before or after `cli`.
 */

export class UsageError extends Error {
  name = 'UsageError';
}

export const cliCommands = ['can-connect-to-database', 'create-database', 'drop-database'];

/**
 * @typedef {{ url: string, shadowDatabaseUrl?: string }} Datasource
 * @typedef {{
 *   version: boolean,
 *   datamodels: string[],
 *   datasource: Datasource | undefined,
 *   previewFeatures: string[],
 *   cliCommand: string | undefined,
 * }} EngineArgs
 */

/** @param {string[]} argv @returns {EngineArgs} */
export function parseArgs(argv) {
  /** @type {EngineArgs} */
  const args = { version: false, datamodels: [], datasource: undefined, previewFeatures: [], cliCommand: undefined };
  let cli = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--version' || arg === '-V') args.version = true;
    else if (arg === '--datamodels') args.datamodels.push(value());
    else if (arg === '--datasource') args.datasource = parseDatasource(value());
    else if (arg === '--enabled-preview-features') args.previewFeatures = value().split(',').filter(Boolean);
    else if (arg === '--extension-types') value(); // Postgres extension types: not needed by the wasm engine.
    else if (arg === 'cli' && !cli) cli = true;
    else if (cli && args.cliCommand === undefined && cliCommands.includes(arg)) args.cliCommand = arg;
    else throw new UsageError(`unknown argument "${arg}"`);
  }
  if (cli && args.cliCommand === undefined) {
    throw new UsageError(`cli needs a command: ${cliCommands.join(', ')}`);
  }
  if (cli && args.datasource === undefined) throw new UsageError(`cli ${args.cliCommand} needs --datasource`);
  return args;
}

/** @param {string} text @returns {Datasource} */
function parseDatasource(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Older CLIs passed the bare URL.
    return { url: text };
  }
  if (typeof parsed === 'string') return { url: parsed };
  if (parsed === null || typeof parsed !== 'object' || typeof parsed.url !== 'string' || parsed.url === '') {
    throw new UsageError('--datasource must be JSON with a non-empty "url" (set datasource.url in prisma.config.ts)');
  }
  const shadow = typeof parsed.shadowDatabaseUrl === 'string' ? parsed.shadowDatabaseUrl : undefined;
  return shadow === undefined ? { url: parsed.url } : { url: parsed.url, shadowDatabaseUrl: shadow };
}
