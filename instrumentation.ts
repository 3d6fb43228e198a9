/** Checks the server kernel's sandbox once at start, so a broken sandbox is reported at once. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { serverKernelService } = await import('./runtime/server/run-service');
  const status = await serverKernelService().status();
  console.log(status.available ? 'Server kernel: sandbox OK' : `Server kernel unavailable: ${status.reason}`);
}
