'use client';

import { useEffect, useRef } from 'react';
import { KernelProvider, useKernel } from '@/app/_components/kernel/kernel-provider';
import { createBenchApi } from './bench-api';

/** Bench only (see page.tsx): the kernel comes from the app's own KernelProvider. */
export function BenchHarness() {
  return (
    <KernelProvider>
      <BenchApiInstaller />
    </KernelProvider>
  );
}

function BenchApiInstaller() {
  const { kernel, status } = useKernel();
  const kernelRef = useRef(kernel);
  useEffect(() => {
    kernelRef.current = kernel;
  });
  useEffect(() => {
    const api = createBenchApi(() => kernelRef.current());
    window.awaitableBench = api;
    return () => {
      api.dispose();
      delete window.awaitableBench;
    };
  }, []);
  return (
    <p role="status" aria-label="Bench harness">
      Bench harness installed; kernel {status}.
    </p>
  );
}
