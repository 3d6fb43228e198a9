/**
 * What the bench harness page (/bench) exposes as `window.awaitableBench` for
 * scripts/bench/run.ts: the app's kernel client and, as the baseline, a bare Pyodide worker
 * (/bench/bare-worker) driven with plain postMessage. Every timing is taken in the page.
 */
import type { BrowserKernel } from '@/runtime/browser/browser-kernel';

export type HardStop = { stoppedMs: number; freshMs: number };
export type GatherTiming = { insideMs: number; aroundMs: number };

export type BenchApi = {
  /** Start (or wait for) each kernel; resolves with ms spent waiting. */
  startKernel(): Promise<number>;
  startBare(): Promise<number>;
  /** Round trips of the cell `1+1`, one at a time, in ms each. */
  kernelRoundTrips(count: number): Promise<number[]>;
  bareRoundTrips(count: number): Promise<number[]>;
  /** A C-level loop past a `timeoutMs` limit: ms until the run ends as 'timeout', then until a fresh kernel is ready. */
  kernelHardStop(timeoutMs: number): Promise<HardStop>;
  /** Baseline: terminate the bare worker and load Pyodide in a new one (ms). */
  bareRestart(): Promise<number>;
  /** gather of three `asyncio.sleep(1)`: measured by Python around the gather, and by the page around the run. */
  kernelGather(): Promise<GatherTiming>;
  pythonVersion(): Promise<string>;
  dispose(): void;
};

declare global {
  interface Window {
    awaitableBench?: BenchApi;
  }
}

const GATHER_CELL = `import asyncio, time

async def main():
    start = time.perf_counter()
    await asyncio.gather(asyncio.sleep(1), asyncio.sleep(1), asyncio.sleep(1))
    return time.perf_counter() - start

asyncio.run(main())`;

export function createBenchApi(kernel: () => BrowserKernel): BenchApi {
  const bare = new BareWorker();

  async function runOk(code: string, timeoutMs?: number): Promise<string> {
    const result = await kernel().run(code, { cellId: 'bench', timeoutMs });
    if (result.status !== 'ok') throw new Error(`bench cell ended ${result.status}: ${result.error?.message ?? ''}`);
    return result.value ?? '';
  }

  return {
    startKernel: () => timed(() => kernel().start()),
    startBare: () => timed(() => bare.start()),
    async kernelRoundTrips(count) {
      const times: number[] = [];
      for (let i = 0; i < count; i++) {
        const startedAt = performance.now();
        const value = await runOk('1+1');
        times.push(performance.now() - startedAt);
        if (value !== '2') throw new Error(`kernel: 1+1 gave ${value}`);
      }
      return times;
    },
    async bareRoundTrips(count) {
      const times: number[] = [];
      for (let i = 0; i < count; i++) {
        const startedAt = performance.now();
        const value = await bare.run('1+1');
        times.push(performance.now() - startedAt);
        if (value !== '2') throw new Error(`bare: 1+1 gave ${value}`);
      }
      return times;
    },
    async kernelHardStop(timeoutMs) {
      const startedAt = performance.now();
      const result = await kernel().run('sum(range(10**11))', { cellId: 'bench-hard-stop', timeoutMs });
      const stoppedAt = performance.now();
      if (result.status !== 'timeout') throw new Error(`hard stop: the run ended ${result.status}, not timeout`);
      await kernel().start();
      return { stoppedMs: stoppedAt - startedAt, freshMs: performance.now() - stoppedAt };
    },
    bareRestart: () => timed(() => bare.restart()),
    async kernelGather() {
      const startedAt = performance.now();
      const value = await runOk(GATHER_CELL);
      return { insideMs: Number(value) * 1000, aroundMs: performance.now() - startedAt };
    },
    async pythonVersion() {
      return (await runOk('import platform; platform.python_version()')).replace(/^'|'$/g, '');
    },
    dispose: () => bare.terminate(),
  };
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const startedAt = performance.now();
  await action();
  return performance.now() - startedAt;
}

type BareMessage = { type: 'loaded' } | { type: 'result'; value: string };

function isBareMessage(data: unknown): data is BareMessage {
  if (typeof data !== 'object' || data === null || !('type' in data)) return false;
  return data.type === 'loaded' || (data.type === 'result' && 'value' in data && typeof data.value === 'string');
}

/** The baseline: Pyodide in a module worker, one request at a time. */
class BareWorker {
  private worker: Worker | undefined;
  private loaded: Promise<void> | undefined;
  private reply: ((message: BareMessage) => void) | undefined;

  start(): Promise<void> {
    this.loaded ??= new Promise<void>((resolve, reject) => {
      const worker = new Worker('/bench/bare-worker', { type: 'module' });
      this.worker = worker;
      worker.onerror = (event) => reject(new Error(`bare worker: ${event.message}`));
      worker.onmessage = ({ data }: MessageEvent<unknown>) => {
        if (!isBareMessage(data)) return;
        if (data.type === 'loaded') resolve();
        else this.reply?.(data);
      };
      worker.postMessage({ type: 'load', indexURL: new URL('/pyodide/', location.href).href });
    });
    return this.loaded;
  }

  async run(code: string): Promise<string> {
    await this.start();
    const worker = this.worker;
    if (!worker) throw new Error('bare worker: not started');
    return new Promise<string>((resolve) => {
      this.reply = (message) => {
        this.reply = undefined;
        resolve(message.type === 'result' ? message.value : '');
      };
      worker.postMessage({ type: 'run', code });
    });
  }

  restart(): Promise<void> {
    this.terminate();
    return this.start();
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.loaded = undefined;
    this.reply = undefined;
  }
}
