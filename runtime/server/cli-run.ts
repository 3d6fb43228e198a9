/**
 * `npm run py -- --kernel server FILE.py`: runs a file in the server kernel's sandbox exactly
 * as a server cell runs (same limits), for tests and authors. Ctrl-C interrupts it.
 */
import { runInSandbox } from './sandbox';

const EXIT_UNAVAILABLE = 69; // EX_UNAVAILABLE
const EXIT_LIMIT = 124; // as timeout(1) does when it stops a command

export async function runFileInSandbox(path: string, code: string): Promise<number> {
  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.on('SIGINT', onSigint);
  try {
    const end = await runInSandbox({ code, setup: [], filename: path }, (event) => process[event.name].write(event.text), abort.signal);
    if (end.reason !== 'finished' && end.reason !== 'error' && end.message) process.stderr.write(`py: ${end.message}\n`);
    if (end.exitCode !== null) return end.exitCode;
    return end.reason === 'unavailable' ? EXIT_UNAVAILABLE : end.reason === 'interrupted' ? 130 : EXIT_LIMIT;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
