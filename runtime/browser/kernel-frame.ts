/**
 * The page's side of the kernel frame: a hidden `<iframe sandbox="allow-scripts">` whose
 * opaque origin hosts the kernel's worker (see kernel.frame.ts). One frame serves every
 * worker of a BrowserKernel: a restart replaces the worker inside it, which is faster than
 * loading a new frame, and takes over the frame's spare kernel if it has booted one.
 *
 * The page downloads Pyodide's large files (it has an HTTP cache, the frame has none) and
 * hands them to the frame once; each worker gets a MessagePort, so runs and their events
 * travel page <-> worker directly, while the frame keeps owning the worker.
 */
import { PROTOCOL_VERSION } from '../protocol';
import type { ClientRequest, KernelWorker, KernelWorkerHandlers } from '../kernel-client';
import { FrameEvent } from './frame-protocol';
import type { FrameCommand } from './frame-protocol';
import { downloadPyodideFiles } from './pyodide-download';
import type { DownloadProgress, PyodideFileSizes, PyodideSnapshotInfo } from './pyodide-download';

/** How long after its `load` event the frame may take to say it listens before it counts as failed. */
const FRAME_START_GRACE_MS = 2_000;
/** A spare kernel boots when the page is idle, at the latest this long after a kernel is ready. */
const SPARE_IDLE_TIMEOUT_MS = 5_000;

export type KernelFrameOptions = {
  frameUrl: string;
  pyodideBaseUrl: string;
  /** Sizes of Pyodide's files, for the download's total (without them, Content-Length where present). */
  pyodideFileSizes?: PyodideFileSizes;
  /** A memory snapshot of a booted Pyodide beside its files: kernels start from it, which is faster. */
  pyodideSnapshot?: PyodideSnapshotInfo;
  /** Keep one booted kernel in reserve (memory: a second Pyodide heap, ~40 MB). */
  spare: boolean;
};

/** Marks the kernel frame a page renders in its HTML, for the page's kernel to adopt. */
export const KERNEL_FRAME_ATTRIBUTE = 'data-kernel-frame';
/** The frame's attributes: sandboxed (an opaque origin), sharing the page's cross-origin isolation. */
export const KERNEL_FRAME_ATTRIBUTES = {
  sandbox: 'allow-scripts',
  allow: 'cross-origin-isolated',
  title: 'Python kernel',
  tabindex: '-1',
} as const;

type Current = { id: number; handlers: KernelWorkerHandlers; port: MessagePort };
type Pending = { command: FrameCommand; transfer: Transferable[] };

const v = PROTOCOL_VERSION;

export class KernelFrame {
  private iframe: HTMLIFrameElement | undefined;
  private listening = false;
  private pending: Pending[] = [];
  private nextWorkerId = 0;
  private current: Current | undefined;
  private startTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set while the page downloads Pyodide's files for this frame; cleared when it is sent. */
  private download: DownloadProgress | undefined;
  private assetsRequested = false;
  private spareRequested = false;

  constructor(private readonly options: KernelFrameOptions) {}

  /** Start a worker in the frame (creating the frame first if needed) and boot the kernel in it. */
  spawn(handlers: KernelWorkerHandlers): KernelWorker {
    this.iframe ??= this.createFrame();
    this.requestAssets();
    const id = this.nextWorkerId++;
    const channel = new MessageChannel();
    const current: Current = { id, handlers, port: channel.port1 };
    this.current = current;
    channel.port1.onmessage = (event: MessageEvent<unknown>) => this.onKernelMessage(current, event.data);
    const port = channel.port2;
    this.send({ v, type: 'frame.spawn', worker: id, pyodideBaseUrl: this.options.pyodideBaseUrl, port, preloaded: true }, [port]);
    // Not from inside spawn(): the client is still setting the session up.
    queueMicrotask(() => this.download && this.reportDownload(this.download));
    return {
      post: (request: ClientRequest) => channel.port1.postMessage(request),
      interrupt: () => this.send({ v, type: 'frame.interrupt', worker: id }),
      provideInput: (text: string | null) => this.send({ v, type: 'frame.input', worker: id, text }),
      terminate: () => {
        channel.port1.close();
        if (this.current === current) this.current = undefined;
        this.send({ v, type: 'frame.terminate', worker: id });
      },
    };
  }

  /** Remove the frame, and with it every worker it hosts. */
  dispose(): void {
    this.current?.port.close();
    this.current = undefined;
    this.removeFrame();
  }

  private requestAssets(): void {
    if (this.assetsRequested) return;
    this.assetsRequested = true;
    const frame = this.iframe;
    this.download = { loadedBytes: 0, totalBytes: 0 };
    const onProgress = (progress: DownloadProgress) => {
      if (this.iframe !== frame) return;
      this.download = progress;
      this.reportDownload(progress);
    };
    downloadPyodideFiles(this.options.pyodideBaseUrl, this.options.pyodideFileSizes, onProgress, this.options.pyodideSnapshot).then(
      ({ files, snapshot }) => {
        this.download = undefined;
        // Transferred, not copied: the frame keeps them (for its next kernels), the page does not.
        const transfer = snapshot ? [files.wasm, files.stdlib, snapshot] : [files.wasm, files.stdlib];
        if (this.iframe === frame) this.send({ v, type: 'frame.assets', files, snapshot }, transfer);
      },
      () => {
        this.download = undefined;
        if (this.iframe === frame) this.send({ v, type: 'frame.assets', files: null }); // the worker fetches them itself
      },
    );
  }

  /** The download is the kernel's first loading stage, reported as if the kernel had. */
  private reportDownload({ loadedBytes, totalBytes }: DownloadProgress): void {
    const progress = totalBytes > 0 ? Math.min(1, loadedBytes / totalBytes) : 0;
    this.current?.handlers.onMessage({ v, type: 'kernel.loading', stage: 'download', progress, loadedBytes, totalBytes });
  }

  private onKernelMessage(current: Current, data: unknown): void {
    if (this.current !== current) return;
    // Untrusted (the client parses it); a forged 'ready' at worst boots the spare early.
    if (typeof data === 'object' && data !== null && 'type' in data && data.type === 'kernel.ready') this.requestSpare();
    current.handlers.onMessage(data);
  }

  private requestSpare(): void {
    if (!this.options.spare || this.spareRequested) return;
    this.spareRequested = true;
    const send = () => {
      this.spareRequested = false;
      this.send({ v, type: 'frame.spare' });
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(send, { timeout: SPARE_IDLE_TIMEOUT_MS });
    else setTimeout(send, 1_000);
  }

  /** The frame the page's server rendered (see KernelProvider), else a new one. */
  private createFrame(): HTMLIFrameElement {
    addEventListener('message', this.onMessage);
    const rendered = document.querySelector(`iframe[${KERNEL_FRAME_ATTRIBUTE}]`);
    if (rendered instanceof HTMLIFrameElement && rendered.src === this.options.frameUrl && rendered.getAttribute('sandbox') === 'allow-scripts') {
      rendered.removeAttribute(KERNEL_FRAME_ATTRIBUTE); // this kernel's now
      // Its `frame.loaded` may have come before this listener: ask again (if it has not loaded
      // yet, the ask is lost and its own `frame.loaded` comes later). The page's `load` waits
      // for the frame's, which is when a frame that never says it listens has failed.
      rendered.contentWindow?.postMessage({ v, type: 'frame.ping' } satisfies FrameCommand, '*');
      if (document.readyState === 'complete') queueMicrotask(() => this.expectListening(rendered));
      else addEventListener('load', () => this.expectListening(rendered), { once: true });
      return rendered;
    }
    const iframe = document.createElement('iframe');
    for (const [name, value] of Object.entries(KERNEL_FRAME_ATTRIBUTES)) iframe.setAttribute(name, value);
    iframe.hidden = true;
    iframe.src = this.options.frameUrl;
    iframe.addEventListener('load', () => this.expectListening(iframe));
    document.body.append(iframe);
    return iframe;
  }

  /** The frame has loaded: its script must say it listens soon, or it is missing or blocked. */
  private expectListening(iframe: HTMLIFrameElement): void {
    if (this.iframe !== iframe || this.listening) return;
    clearTimeout(this.startTimer);
    this.startTimer = setTimeout(
      () => this.onFrameFailed(`The kernel frame (${this.options.frameUrl}) did not start: it is missing or blocked.`),
      FRAME_START_GRACE_MS,
    );
  }

  private removeFrame(): void {
    clearTimeout(this.startTimer);
    removeEventListener('message', this.onMessage);
    this.iframe?.remove();
    this.iframe = undefined;
    this.listening = false;
    this.pending = [];
    this.assetsRequested = false; // a new frame needs them again (from the HTTP cache by then)
    this.download = undefined;
  }

  private send(command: FrameCommand, transfer: Transferable[] = []): void {
    if (!this.iframe) return; // disposed or failed: its workers are gone with it
    const target = this.iframe.contentWindow;
    if (!this.listening || !target) {
      this.pending.push({ command, transfer });
      return;
    }
    // The frame's origin is opaque, so it cannot be named; nothing sent here is secret.
    target.postMessage(command, '*', transfer);
  }

  private readonly onMessage = (event: MessageEvent<unknown>): void => {
    if (!this.iframe || event.source !== this.iframe.contentWindow) return;
    const parsed = FrameEvent.safeParse(event.data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'frame.loaded') {
      clearTimeout(this.startTimer);
      this.listening = true;
      for (const { command, transfer } of this.pending.splice(0)) this.send(command, transfer);
      return;
    }
    const current = this.current;
    if (current?.id !== message.worker) return; // from a worker that was replaced
    if (message.type === 'frame.event') current.handlers.onMessage(message.event);
    else current.handlers.onExit(message.reason);
  };

  private onFrameFailed(reason: string): void {
    const current = this.current;
    this.current = undefined;
    current?.port.close();
    this.removeFrame(); // the next spawn loads it again
    current?.handlers.onExit(reason);
  }
}
