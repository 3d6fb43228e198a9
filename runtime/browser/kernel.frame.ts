/**
 * Kernel frame entry: runs in the sandboxed iframe (opaque origin, `public/kernel/frame.html`)
 * that hosts the kernel's worker, so learner code has none of the learner's authority: no
 * cookies, no storage of the app, and (by the frame's CSP, which its worker inherits) no
 * requests but Pyodide's files. Built by scripts/kernel/build.mjs into
 * public/kernel/kernel.frame.js.
 *
 * The frame owns the workers and their shared memory (the page cannot share a
 * SharedArrayBuffer with an opaque origin): it takes commands from the page only. The page
 * talks to the current worker through a MessagePort it hands over at spawn; the frame relays
 * to the page only the worker's own messages that parse as kernel events (a worker spawned
 * without a port talks to the page that way only). On request it boots one spare kernel, so
 * that a restart (or a hard stop) takes over a booted kernel at once.
 *
 * It boots its first kernel as soon as it loads, as the spare, before the page asks: the page
 * renders the frame in its HTML, so Pyodide starts while the page hydrates, and the page's
 * first spawn takes that kernel over. It waits for Pyodide's files from the page.
 */
import { KernelEvent, PROTOCOL_VERSION } from '../protocol';
import type { PreloadedFiles } from '../protocol';
import { createWorkerChannels } from '../worker-channels';
import type { WorkerChannels } from '../worker-channels';
import { FrameCommand } from './frame-protocol';
import type { FrameEvent, SnapshotMessage, SpawnCommand } from './frame-protocol';
import { workerBootstrapSource } from './worker-bootstrap';

type Kernel = {
  worker: Worker;
  channels: WorkerChannels;
  pyodideBaseUrl: string;
  /** The page's number for it; undefined while it is the spare. */
  id: number | undefined;
  /** Waits for Pyodide's files from the page (`kernel.assets`), and has not had them yet. */
  awaitsAssets: boolean;
  failed: boolean;
};

const v = PROTOCOL_VERSION;
/** The page's origin: `location` keeps the frame's URL, while its own origin is opaque ("null"). */
const pageOrigin = location.origin;
const kernelModuleUrl = new URL('kernel.worker.js', location.href).href;
/** Where Pyodide is served beside the frame (public/pyodide/): the first kernel boots from there. */
const defaultPyodideBaseUrl = new URL('../pyodide/', location.href).href;
const bootstrapUrl = URL.createObjectURL(new Blob([workerBootstrapSource(kernelModuleUrl)], { type: 'text/javascript' }));
let hosted: Kernel | undefined;
let spare: Kernel | undefined;
/** Pyodide's files (and snapshot) as the page sent them, kept for the next kernels (each gets a copy). */
let assets: { files: PreloadedFiles | null; snapshot: ArrayBuffer | null } | undefined;

function toPage(event: FrameEvent): void {
  parent.postMessage(event, pageOrigin);
}

function start(pyodideBaseUrl: string, preloaded: boolean, id: number | undefined): Kernel {
  const worker = new Worker(bootstrapUrl, { name: 'python-kernel' });
  const channels = createWorkerChannels();
  const kernel: Kernel = { worker, channels, pyodideBaseUrl, id, awaitsAssets: preloaded, failed: false };
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const parsed = KernelEvent.safeParse(event.data);
    if (!parsed.success) return;
    if (parsed.data.type === 'kernel.failed') kernel.failed = true;
    if (kernel === spare && kernel.failed) dropSpare();
    else if (kernel === hosted && kernel.id !== undefined) toPage({ v, type: 'frame.event', worker: kernel.id, event: parsed.data });
  });
  worker.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault();
    kernel.failed = true;
    if (kernel === spare) dropSpare();
    else if (kernel === hosted && kernel.id !== undefined) exit(kernel.id, `The kernel worker failed: ${event.message || 'it could not start'}`);
  });
  worker.postMessage(channels.initRequest(pyodideBaseUrl, preloaded));
  // A kernel that fetches its own files boots without a snapshot (the page sends it with the files).
  if (!preloaded) worker.postMessage({ v, type: 'worker.snapshot', snapshot: null } satisfies SnapshotMessage);
  sendAssets(kernel);
  return kernel;
}

/** Structured clone, not transfer: the frame keeps its bytes for the next kernel. */
function sendAssets(kernel: Kernel): void {
  if (!kernel.awaitsAssets || !assets) return;
  kernel.awaitsAssets = false;
  const snapshot = assets.files ? assets.snapshot : null; // a snapshot is of no use without the wasm it belongs to
  kernel.worker.postMessage({ v, type: 'worker.snapshot', snapshot } satisfies SnapshotMessage);
  kernel.worker.postMessage({ v, type: 'kernel.assets', files: assets.files });
}

function exit(id: number, reason: string): void {
  toPage({ v, type: 'frame.exit', worker: id, reason });
}

function spawn({ worker: id, pyodideBaseUrl, port, preloaded = false }: SpawnCommand): void {
  terminate();
  try {
    // A spare talks through a port only, and boots from the files the page sent.
    const adopt = spare && !spare.failed && port && preloaded && spare.pyodideBaseUrl === pyodideBaseUrl;
    if (!adopt) dropSpare(); // booted for another setup: of no use to this page
    const kernel = adopt && spare ? spare : start(pyodideBaseUrl, preloaded, id);
    if (kernel === spare) spare = undefined;
    kernel.id = id;
    hosted = kernel;
    if (port) kernel.worker.postMessage({ v, type: 'kernel.connect', port }, [port]);
  } catch (error) {
    exit(id, `The kernel frame could not start a worker: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function bootSpare(baseUrl = hosted?.pyodideBaseUrl): void {
  if (spare || !baseUrl) return;
  try {
    spare = start(baseUrl, true, undefined);
  } catch {
    spare = undefined; // no spare: the next spawn boots a kernel as usual
  }
}

function dropSpare(): void {
  spare?.worker.terminate();
  spare = undefined;
}

function terminate(): void {
  hosted?.worker.terminate();
  hosted = undefined;
}

function onCommand(command: FrameCommand): void {
  switch (command.type) {
    case 'frame.spawn':
      return spawn(command);
    case 'frame.assets':
      assets = { files: command.files, snapshot: command.snapshot ?? null };
      if (hosted) sendAssets(hosted);
      if (spare) sendAssets(spare);
      return;
    case 'frame.ping':
      return toPage({ v, type: 'frame.loaded' });
    case 'frame.spare':
      if (assets) bootSpare();
      return;
  }
  if (hosted?.id !== command.worker) return; // for a worker already replaced
  switch (command.type) {
    case 'frame.post':
      hosted.worker.postMessage(command.request);
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
if (parent !== window) {
  toPage({ v, type: 'frame.loaded' });
  bootSpare(defaultPyodideBaseUrl);
}
