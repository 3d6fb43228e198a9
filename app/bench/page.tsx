import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { benchEnabled } from './bench-gate';
import { BenchHarness } from './bench-harness';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Benchmark harness', robots: { index: false, follow: false } };

/**
 * Bench only (404 unless AWAITABLE_BENCH=1): exposes `window.awaitableBench`, the app's kernel
 * (from KernelProvider, so built exactly as on a lesson page) and a bare Pyodide worker.
 */
export default function BenchPage() {
  if (!benchEnabled()) notFound();
  return <BenchHarness />;
}
