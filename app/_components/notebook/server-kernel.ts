import { ServerKernelClient } from '@/runtime/server/server-kernel-client';
import type { ServerKernel } from './server-runner';

/** The page's client for the server kernel (C2), at its default endpoint. */
export function createServerKernel(): ServerKernel {
  return new ServerKernelClient();
}
