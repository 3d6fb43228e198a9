// The page's client against the real run service and sandbox, over real HTTP (a minimal
// stand-in for the Next routes, which e2e/server-kernel.spec.ts tests through the app).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ServerKernelService } from './run-service';
import { ServerKernelClient, type ServerStreamEvent } from './server-kernel-client';

const service = new ServerKernelService({ queue: { concurrency: 1, maxQueued: 0, perLearner: 5, maxWaitMs: 10_000 } });
let server: Server;
let client: ServerKernelClient;

async function body<T>(request: IncomingMessage, schema: z.ZodMiniType<T>): Promise<T> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return schema.parse(JSON.parse(text));
}
const RunBody = z.object({ code: z.string(), setup: z.array(z.string()) });
const InterruptBody = z.object({ runId: z.string() });

beforeAll(async () => {
  server = createServer(async (request, response) => {
    if (request.url?.endsWith('/status')) {
      const status = await service.status();
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ v: 1, ...status }));
    } else if (request.url?.endsWith('/run')) {
      const { code, setup } = await body(request, RunBody);
      const result = await service.start('learner', { code, setup });
      if (result.kind === 'busy') {
        response.writeHead(429, { 'retry-after': String(result.retryAfterSeconds), 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: result.message }));
      } else if (result.kind === 'unavailable') {
        response.writeHead(503).end(JSON.stringify({ error: result.message }));
      } else {
        response.writeHead(200, { 'content-type': 'application/x-ndjson' });
        const reader = result.body.getReader();
        for (;;) {
          const chunk = await reader.read();
          if (chunk.done) break;
          response.write(chunk.value);
        }
        response.end();
      }
    } else if (request.url?.endsWith('/interrupt')) {
      const { runId } = await body(request, InterruptBody);
      response.writeHead(service.interrupt('learner', runId) ? 200 : 404).end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  client = new ServerKernelClient({ endpoint: `http://127.0.0.1:${port}/api/server-kernel/` });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('ServerKernelClient', () => {
  it('reports the status', async () => {
    expect(await client.status()).toEqual({ available: true });
  });

  it('streams output events and resolves with why the run ended', async () => {
    const events: ServerStreamEvent[] = [];
    const run = client.run({ lessonId: 'l', cellId: 'c', code: 'import sys\nprint(n)\nsys.exit("bye")', setup: ['n = 7'] }, (event) => events.push(event));
    const end = await run.done;
    expect(events).toEqual([
      { type: 'stream', name: 'stdout', text: '7\n' },
      { type: 'stream', name: 'stderr', text: 'bye\n' },
    ]);
    expect(end).toMatchObject({ reason: 'error', exitCode: 1 });
  });

  it('interrupts, even when asked before the run was accepted', async () => {
    const run = client.run({ lessonId: 'l', cellId: 'c', code: 'import time\ntime.sleep(20)', setup: [] }, () => undefined);
    run.interrupt();
    const end = await run.done;
    expect(end.reason).toBe('interrupted');
    expect(end.elapsedMs).toBeLessThan(5000);
  });

  it('turns a 429 into busy with the Retry-After seconds', async () => {
    const long = client.run({ lessonId: 'l', cellId: 'c', code: 'import time\ntime.sleep(20)', setup: [] }, () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const refused = await client.run({ lessonId: 'l', cellId: 'c', code: 'print(1)', setup: [] }, () => undefined).done;
    expect(refused).toMatchObject({ reason: 'busy', exitCode: null, retryAfterSeconds: expect.any(Number) });
    expect(refused.message).toMatch(/busy/);
    long.interrupt();
    expect((await long.done).reason).toBe('interrupted');
  });

  it('says unavailable when the server cannot be reached', async () => {
    const nowhere = new ServerKernelClient({ endpoint: 'http://127.0.0.1:9/api/server-kernel' });
    expect(await nowhere.status()).toMatchObject({ available: false, reason: expect.stringMatching(/could not be reached/) });
    expect(await nowhere.run({ lessonId: 'l', cellId: 'c', code: '', setup: [] }, () => undefined).done).toMatchObject({ reason: 'unavailable' });
  });
});
