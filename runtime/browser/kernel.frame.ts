/**
 * Kernel frame entry: runs in the sandboxed iframe (opaque origin, `public/kernel/frame.html`)
 * that hosts the kernel's worker, so learner code has none of the learner's authority: no
 * cookies, no storage of the app, and (by the frame's CSP, which its worker inherits) no
 * requests but Pyodide's files. Built by scripts/kernel/build.mjs into
 * public/kernel/kernel.frame.js.
 *
 * The frame owns the worker and its shared memory (the page cannot share a SharedArrayBuffer
 * with an opaque origin): it takes commands from the page only, and relays to the page only
 * the worker's messages that parse as kernel events.
 */
import { KernelEvent, PROTOCOL_VERSION } from '../protocol';
import { createWorkerChannels } from '../worker-channels';
import type { WorkerChannels } from '../worker-channels';
import { FrameCommand } from './frame-protocol';
import type { FrameEvent } from './frame-protocol';
import { workerBootstrapSource } from './worker-bootstrap';

type HostedWorker = { id: number; worker: Worker; channels: WorkerChannels };

const v = PROTOCOL_VERSION;
/** The page's origin: `location` keeps the frame's URL, while its own origin is opaque ("null"). */
const pageOrigin = location.origin;
const kernelModuleUrl = new URL('kernel.worker.js', location.href).href;
const bootstrapUrl = URL.createObjectURL(new Blob([workerBootstrapSource(kernelModuleUrl)], { type: 'text/javascript' }));
let hosted: HostedWorker | undefined;

function toPage(event: FrameEvent): void {
  parent.postMessage(event, pageOrigin);
}

function spawn(id: number, pyodideBaseUrl: string): void {
  terminate();
  try {
    const worker = new Worker(bootstrapUrl, { name: 'python-kernel' });
    const channels = createWorkerChannels();
    hosted = { id, worker, channels };
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      const parsed = KernelEvent.safeParse(event.data);
      if (parsed.success) toPage({ v, type: 'frame.event', worker: id, event: parsed.data });
    });
    worker.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      toPage({ v, type: 'frame.exit', worker: id, reason: `The kernel worker failed: ${event.message || 'it could not start'}` });
    });
    worker.postMessage(channels.initRequest(pyodideBaseUrl));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    toPage({ v, type: 'frame.exit', worker: id, reason: `The kernel frame could not start a worker: ${reason}` });
  }
}

function terminate(): void {
  hosted?.worker.terminate();
  hosted = undefined;
}

function onCommand(command: FrameCommand): void {
  if (command.type === 'frame.spawn') return spawn(command.worker, command.pyodideBaseUrl);
  if (hosted?.id !== command.worker) return; // for a worker already replaced
  switch (command.type) {
    case 'frame.post':
      if (command.request.type !== 'kernel.init') hosted.worker.postMessage(command.request);
      return;
    case 'frame.interrupt':
      hosted.channels.interrupt();
      return;
    case 'frame.input':
      hosted.channels.provideInput(command.text);
      return;
    case 'frame.terminate':
      terminate();
      return;
  }
}

addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.source !== parent || parent === window || event.origin !== pageOrigin) return;
  const parsed = FrameCommand.safeParse(event.data);
  if (parsed.success) onCommand(parsed.data);
});
if (parent !== window) toPage({ v, type: 'frame.loaded' });
