/**
 * Kernel measurements through the bench harness page (/bench, see app/bench/): the app's
 * kernel client against a bare Pyodide worker in the same page, with no UI in the way.
 */
import type { Browser, Page } from '@playwright/test';
import type { GatherTiming, HardStop } from '../../app/bench/bench-api';
import { median } from './stats';

export type KernelApiResults = {
  /** Median round trip of each batch, ms. */
  roundTrip: { kernel: number[]; bare: number[]; perBatch: number };
  hardStop: { timeoutMs: number; idleMs: number; kernel: HardStop[]; bareFreshMs: number[] };
  gather: GatherTiming[];
  pythonVersion: string;
};

const WARM_UP_RUNS = 20;
const ROUND_TRIPS_PER_BATCH = 100;
const HARD_STOP_TIMEOUT_MS = 500;
/** Idle time before each hard stop (a learner reads the output): the kernel frame boots its spare then. */
const IDLE_BEFORE_HARD_STOP_MS = 3_000;

export async function measureKernelApi(browser: Browser, baseUrl: string, runs: number): Promise<KernelApiResults> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}/bench`);
    if (response?.status() !== 200) throw new Error(`/bench answered ${response?.status()}: is the server started with AWAITABLE_BENCH=1?`);
    await page.waitForFunction(() => window.awaitableBench !== undefined);
    await startKernels(page);
    const pythonVersion = need(await page.evaluate(() => window.awaitableBench?.pythonVersion()));

    await kernelRoundTrips(page, WARM_UP_RUNS);
    await bareRoundTrips(page, WARM_UP_RUNS);
    const roundTrip: KernelApiResults['roundTrip'] = { kernel: [], bare: [], perBatch: ROUND_TRIPS_PER_BATCH };
    for (let batch = 0; batch < runs; batch++) {
      roundTrip.kernel.push(median(await kernelRoundTrips(page, ROUND_TRIPS_PER_BATCH)));
      roundTrip.bare.push(median(await bareRoundTrips(page, ROUND_TRIPS_PER_BATCH)));
    }

    const gather: GatherTiming[] = [];
    for (let run = 0; run < runs; run++) gather.push(need(await page.evaluate(() => window.awaitableBench?.kernelGather())));

    const hardStop: KernelApiResults['hardStop'] = { timeoutMs: HARD_STOP_TIMEOUT_MS, idleMs: IDLE_BEFORE_HARD_STOP_MS, kernel: [], bareFreshMs: [] };
    for (let run = 0; run < runs; run++) {
      await page.waitForTimeout(IDLE_BEFORE_HARD_STOP_MS);
      hardStop.kernel.push(need(await page.evaluate((timeoutMs) => window.awaitableBench?.kernelHardStop(timeoutMs), HARD_STOP_TIMEOUT_MS)));
      hardStop.bareFreshMs.push(need(await page.evaluate(() => window.awaitableBench?.bareRestart())));
    }
    return { roundTrip, hardStop, gather, pythonVersion };
  } finally {
    await context.close();
  }
}

/** What an evaluate returned, or why there is nothing (the harness page lost its API). */
function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('window.awaitableBench is missing on /bench');
  return value;
}

async function startKernels(page: Page): Promise<void> {
  need(await page.evaluate(() => window.awaitableBench?.startKernel()));
  need(await page.evaluate(() => window.awaitableBench?.startBare()));
}

async function kernelRoundTrips(page: Page, count: number): Promise<number[]> {
  return need(await page.evaluate((n) => window.awaitableBench?.kernelRoundTrips(n), count));
}

async function bareRoundTrips(page: Page, count: number): Promise<number[]> {
  return need(await page.evaluate((n) => window.awaitableBench?.bareRoundTrips(n), count));
}
