/**
 * `npm run py -- FILE.py [ARGS...]`: run a file in the Awaitable kernel (Pyodide under Node)
 * as `python FILE.py` would: same output, tracebacks and exit status.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineReader } from './line-reader';
import { NodeKernel } from './node-kernel';

const EXIT_USAGE = 2;
const EXIT_INTERRUPTED = 130;

async function main(args: string[]): Promise<number> {
  const [file, ...rest] = args;
  if (!file) {
    process.stderr.write('usage: npm run py -- FILE.py [ARGS...]\n');
    return EXIT_USAGE;
  }
  const path = resolve(file);
  let code: string;
  try {
    code = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`py: can't open file '${path}': ${reason}\n`);
    return EXIT_USAGE;
  }

  const kernel = new NodeKernel();
  const stdin = new LineReader(process.stdin);
  let interrupts = 0;
  process.on('SIGINT', () => {
    // The first Ctrl-C raises KeyboardInterrupt; a second one gives up on the kernel.
    if (++interrupts > 1) process.exit(EXIT_INTERRUPTED);
    kernel.interrupt();
  });
  try {
    const result = await kernel.runScript(path, code, [file, ...rest], {
      timeoutMs: Infinity,
      outputLimits: null,
      onStream: (name, text) => process[name].write(text),
      onInputRequest: () => void stdin.next().then((line) => kernel.provideInput(line)),
    });
    // A script that ran to its end printed its own traceback, as Python does; a kernel that
    // died or timed out did not.
    if (result.exitCode === undefined && result.error) {
      const { type, message, traceback } = result.error;
      process.stderr.write(traceback || `${type}: ${message}\n`);
    }
    return result.exitCode ?? (result.status === 'ok' ? 0 : 1);
  } finally {
    stdin.close();
    kernel.dispose();
  }
}

process.exitCode = await main(process.argv.slice(2));
