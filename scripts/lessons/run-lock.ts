/**
 * Shared/exclusive turns, first come first served: browser cells of different lessons may run
 * side by side (shared), a server cell runs alone (exclusive), so a lesson's timing demos
 * (threads vs processes on every core) do not compete with another lesson's cells.
 */
type Waiter = { exclusive: boolean; start: () => void };

export class RunLock {
  private sharedHolders = 0;
  private exclusiveHeld = false;
  private readonly queue: Waiter[] = [];

  shared<T>(work: () => Promise<T>): Promise<T> {
    return this.hold(false, work);
  }

  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.hold(true, work);
  }

  private async hold<T>(exclusive: boolean, work: () => Promise<T>): Promise<T> {
    await new Promise<void>((start) => {
      this.queue.push({ exclusive, start });
      this.grant();
    });
    try {
      return await work();
    } finally {
      if (exclusive) this.exclusiveHeld = false;
      else this.sharedHolders -= 1;
      this.grant();
    }
  }

  /** Starts waiters from the head of the queue while they fit; a waiting exclusive turn blocks later shared ones. */
  private grant(): void {
    for (let next = this.queue[0]; next; next = this.queue[0]) {
      if (this.exclusiveHeld) return;
      if (next.exclusive && this.sharedHolders > 0) return;
      this.queue.shift();
      if (next.exclusive) this.exclusiveHeld = true;
      else this.sharedHolders += 1;
      next.start();
      if (next.exclusive) return;
    }
  }
}
