/**
 * The page's side of the kernel frame: a hidden `<iframe sandbox="allow-scripts">` whose
 * opaque origin hosts the kernel's worker (see kernel.frame.ts). One frame serves every
 * worker of a BrowserKernel: a restart replaces the worker inside it, which is faster than
 * loading a new frame.
 */
import { PROTOCOL_VERSION } from '../protocol';
import type { ClientRequest, KernelWorker, KernelWorkerHandlers } from '../kernel-client';
import { FrameEvent } from './frame-protocol';
import type { FrameCommand } from './frame-protocol';

/** How long after its `load` event the frame may take to say it listens before it counts as failed. */
const FRAME_START_GRACE_MS = 2_000;

type Current = { id: number; handlers: KernelWorkerHandlers };

export class KernelFrame {
  private iframe: HTMLIFrameElement | undefined;
  private listening = false;
  private pending: FrameCommand[] = [];
  private nextWorkerId = 0;
  private current: Current | undefined;
  private startTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly frameUrl: string,
    private readonly pyodideBaseUrl: string,
  ) {}

  /** Start a worker in the frame (creating the frame first if needed) and boot the kernel in it. */
  spawn(handlers: KernelWorkerHandlers): KernelWorker {
    this.iframe ??= this.createFrame();
    const id = this.nextWorkerId++;
    this.current = { id, handlers };
    const v = PROTOCOL_VERSION;
    this.send({ v, type: 'frame.spawn', worker: id, pyodideBaseUrl: this.pyodideBaseUrl });
    return {
      post: (request: ClientRequest) => this.send({ v, type: 'frame.post', worker: id, request }),
      interrupt: () => this.send({ v, type: 'frame.interrupt', worker: id }),
      provideInput: (text: string | null) => this.send({ v, type: 'frame.input', worker: id, text }),
      terminate: () => {
        if (this.current?.id === id) this.current = undefined;
        this.send({ v, type: 'frame.terminate', worker: id });
      },
    };
  }

  /** Remove the frame, and with it every worker it hosts. */
  dispose(): void {
    this.current = undefined;
    this.removeFrame();
  }

  private createFrame(): HTMLIFrameElement {
    const iframe = document.createElement('iframe');
    iframe.setAttribute('sandbox', 'allow-scripts');
    iframe.allow = 'cross-origin-isolated';
    iframe.title = 'Python kernel';
    iframe.hidden = true;
    iframe.tabIndex = -1;
    iframe.src = this.frameUrl;
    iframe.addEventListener('load', () => {
      if (this.iframe !== iframe || this.listening) return;
      this.startTimer = setTimeout(
        () => this.onFrameFailed(`The kernel frame (${this.frameUrl}) did not start: it is missing or blocked.`),
        FRAME_START_GRACE_MS,
      );
    });
    addEventListener('message', this.onMessage);
    document.body.append(iframe);
    return iframe;
  }

  private removeFrame(): void {
    clearTimeout(this.startTimer);
    removeEventListener('message', this.onMessage);
    this.iframe?.remove();
    this.iframe = undefined;
    this.listening = false;
    this.pending = [];
  }

  private send(command: FrameCommand): void {
    if (!this.iframe) return; // disposed or failed: its workers are gone with it
    const target = this.iframe.contentWindow;
    if (!this.listening || !target) {
      this.pending.push(command);
      return;
    }
    // The frame's origin is opaque, so it cannot be named; nothing sent here is secret.
    target.postMessage(command, '*');
  }

  private readonly onMessage = (event: MessageEvent<unknown>): void => {
    if (!this.iframe || event.source !== this.iframe.contentWindow) return;
    const parsed = FrameEvent.safeParse(event.data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'frame.loaded') {
      clearTimeout(this.startTimer);
      this.listening = true;
      for (const command of this.pending.splice(0)) this.send(command);
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
    this.removeFrame(); // the next spawn loads it again
    current?.handlers.onExit(reason);
  }
}
