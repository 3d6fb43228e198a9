/** Debian's Chromium, launched as the end-to-end tests launch it (playwright.config.ts). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/fixtures/chromium';

const launchOptions = chromiumLaunchOptions;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(launchOptions);
}

/**
 * A fresh profile on disk (empty HTTP cache). `open()` launches Chromium on it; close the
 * context and open again for a warm cache, as a learner who comes back.
 */
export async function withProfile<T>(use: (open: () => Promise<BrowserContext>) => Promise<T>): Promise<T> {
  const directory = mkdtempSync(path.join(tmpdir(), 'awaitable-bench-profile-'));
  try {
    return await use(() => chromium.launchPersistentContext(directory, launchOptions));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
