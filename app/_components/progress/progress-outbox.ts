import { MAX_EVENTS_PER_BATCH, progressBatchReplySchema, type ProgressEvent } from '@/app/_lib/progress/events';
import {
  addCodeEdit,
  addEvent,
  emptyOutbox,
  parseOutbox,
  pendingCount,
  removeCodeEdit,
  removeEvents,
  type CodeEdit,
  type Outbox,
} from './outbox-state';

/**
 * Sends progress to the server, keeping it in localStorage until the server acknowledges it:
 * nothing is lost while the server cannot be reached, and it goes out when the connection
 * returns. Every tab shares the one stored outbox; a Web Lock lets one tab send at a time, and
 * the server counts a replayed event once anyway.
 */
export type OutboxStatus = { pending: number; offline: boolean; rejected: string | null };
type Listener = (status: OutboxStatus) => void;

const storageKey = 'awaitable:v1:progress-outbox';
const lockName = 'awaitable:progress-outbox';
const keepaliveLimit = 60_000;
const retryDelaysMs = [1_000, 2_000, 5_000, 10_000, 30_000];

class Unreachable extends Error {}

export class ProgressOutbox {
  private listeners = new Set<Listener>();
  private memory: Outbox = emptyOutbox(); // used only when localStorage is unavailable
  private status: OutboxStatus = { pending: 0, offline: false, rejected: null };
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private flushing: Promise<void> | null = null;

  constructor(private readonly onSent: () => void) {
    window.addEventListener('online', this.handleOnline);
    window.addEventListener('storage', this.handleStorage);
    this.publish({ pending: pendingCount(this.read()) });
  }

  dispose(): void {
    window.removeEventListener('online', this.handleOnline);
    window.removeEventListener('storage', this.handleStorage);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.listeners.clear();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  /** Events still waiting for the server, oldest first (to show them on top of the server's copy). */
  pendingEvents(): ProgressEvent[] {
    return this.read().events;
  }

  send(event: ProgressEvent): void {
    this.update((outbox) => addEvent(outbox, event));
    void this.flush();
  }

  saveCode(edit: CodeEdit): void {
    this.update((outbox) => addCodeEdit(outbox, edit));
    void this.flush();
  }

  /** Sends everything pending; concurrent calls share one pass. */
  flush(): Promise<void> {
    this.flushing ??= this.withLock(() => this.sendAll()).finally(() => (this.flushing = null));
    return this.flushing;
  }

  private handleOnline = () => {
    this.failures = 0;
    void this.flush();
  };

  private handleStorage = (event: StorageEvent) => {
    if (event.key === storageKey) this.publish({ pending: pendingCount(this.read()) });
  };

  private async withLock(work: () => Promise<void>): Promise<void> {
    if (typeof navigator !== 'undefined' && 'locks' in navigator) {
      await navigator.locks.request(lockName, work);
    } else {
      await work();
    }
  }

  private async sendAll(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    try {
      for (let outbox = this.read(); outbox.events.length > 0; outbox = this.read()) {
        await this.sendEvents(outbox.events.slice(0, MAX_EVENTS_PER_BATCH));
      }
      for (const edit of this.read().code) await this.sendCode(edit);
      this.failures = 0;
      this.publish({ offline: false, pending: pendingCount(this.read()) });
      this.onSent();
    } catch (error) {
      if (!(error instanceof Unreachable)) throw error;
      const delay = retryDelaysMs[Math.min(this.failures, retryDelaysMs.length - 1)] ?? 30_000;
      this.failures += 1;
      this.publish({ offline: true, pending: pendingCount(this.read()) });
      this.retryTimer = setTimeout(() => void this.flush(), delay);
    }
  }

  private async sendEvents(events: ProgressEvent[]): Promise<void> {
    const response = await post('POST', '/api/progress', { events });
    if (response.ok) {
      const reply = progressBatchReplySchema.safeParse(await response.json().catch(() => null));
      this.update((outbox) => removeEvents(outbox, reply.success ? reply.data.accepted : events.map((e) => e.id)));
      if (this.status.rejected) this.publish({ rejected: null });
      return;
    }
    // The server refused these events for good (bad payload, unknown lesson): drop them, say so.
    const message = await errorMessage(response);
    this.update((outbox) => removeEvents(outbox, events.map((event) => event.id)));
    this.publish({ rejected: `Some progress was refused by the server: ${message}` });
  }

  private async sendCode(edit: CodeEdit): Promise<void> {
    const response = await post('PUT', '/api/progress/code', edit);
    if (!response.ok) this.publish({ rejected: `An edit was refused by the server: ${await errorMessage(response)}` });
    this.update((outbox) => removeCodeEdit(outbox, edit));
  }

  private read(): Outbox {
    try {
      return parseOutbox(window.localStorage.getItem(storageKey));
    } catch {
      return this.memory;
    }
  }

  private update(change: (outbox: Outbox) => Outbox): void {
    const next = change(this.read());
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(next));
    } catch {
      this.memory = next; // Storage disabled or full: keep it for this page's lifetime.
    }
    this.publish({ pending: pendingCount(next) });
  }

  private publish(change: Partial<OutboxStatus>): void {
    this.status = { ...this.status, ...change };
    for (const listener of this.listeners) listener(this.status);
  }
}

/**
 * One request; throws Unreachable when the server cannot be reached or asks to come back later
 * (network down, 5xx, 429, 403 from a proxy), so the caller keeps the items and retries.
 */
async function post(method: 'POST' | 'PUT', url: string, body: unknown): Promise<Response> {
  const text = JSON.stringify(body);
  const response = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: text,
    // Lets a send started as the page closes finish; browsers cap keepalive bodies at 64 KiB.
    keepalive: text.length < keepaliveLimit,
    cache: 'no-store',
  }).catch(() => null);
  if (response === null || response.status >= 500 || response.status === 429 || response.status === 403) {
    throw new Unreachable(response === null ? 'network error' : `HTTP ${response.status}`);
  }
  return response;
}

async function errorMessage(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => null);
  if (typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string') return body.error;
  return `HTTP ${response.status}`;
}
