// A kernel host talking to its client through a MessagePort (`kernel.connect`), as the
// browser's kernel frame makes its workers do, against real Pyodide in a worker thread.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../protocol';
import { createWorkerChannels } from '../worker-channels';

const require = createRequire(import.meta.url);
const workerUrl = new URL('./kernel.worker.ts', import.meta.url).href;
const tsxApiUrl = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
const bootstrap = `import(${JSON.stringify(tsxApiUrl)}).then((tsx) => tsx.tsImport(${JSON.stringify(workerUrl)}, ${JSON.stringify(workerUrl)}));`;
const pyodideBaseUrl = `${dirname(require.resolve('pyodide/pyodide.mjs'))}/`;
const v = PROTOCOL_VERSION;

type Message = { type?: unknown; value?: unknown; runId?: unknown };
const isMessage = (data: unknown): data is Message => typeof data === 'object' && data !== null;

const worker = new Worker(bootstrap, { eval: true });
afterAll(() => worker.terminate());

function next(source: { once(event: 'message', listener: (data: unknown) => void): unknown }, type: string): Promise<Message> {
  return new Promise((resolve) => {
    const listen = () =>
      source.once('message', (data: unknown) => (isMessage(data) && data.type === type ? resolve(data) : listen()));
    listen();
  });
}

describe('a kernel connected through a port', () => {
  it('boots before anyone connects (a spare), says it is ready on connect, then runs through the port only', async () => {
    const toOwner: unknown[] = [];
    const ready = next(worker, 'kernel.ready');
    worker.postMessage(createWorkerChannels().initRequest(pyodideBaseUrl));
    await ready;
    worker.on('message', (data: unknown) => toOwner.push(data));

    const { port1: client, port2 } = new MessageChannel();
    const readyAgain = next(client, 'kernel.ready');
    worker.postMessage({ v, type: 'kernel.connect', port: port2 }, [port2]);
    await readyAgain;

    const result = next(client, 'kernel.result');
    client.postMessage({ v, type: 'kernel.run', runId: 'r1', mode: 'cell', code: '40 + 2' });
    expect(await result).toMatchObject({ type: 'kernel.result', runId: 'r1', status: 'ok', value: '42' });

    // The port carries client requests only: a second init through it changes nothing.
    client.postMessage(createWorkerChannels().initRequest(pyodideBaseUrl));
    const second = next(client, 'kernel.result');
    client.postMessage({ v, type: 'kernel.run', runId: 'r2', mode: 'cell', code: '_' });
    expect(await second).toMatchObject({ runId: 'r2', status: 'ok', value: '42' });
    expect(toOwner).toEqual([]);
    client.close();
  }, 120_000);
});
