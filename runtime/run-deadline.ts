/** A run's time limit. It stops while the run waits for the learner to type a line. */
export class RunDeadline {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private remainingMs: number;
  private resumedAt = 0;

  /** `limitMs` of Infinity or 0 means no limit. */
  constructor(
    limitMs: number,
    private readonly onExpire: () => void,
  ) {
    this.remainingMs = Number.isFinite(limitMs) && limitMs > 0 ? limitMs : Infinity;
    this.resume();
  }

  pause(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.remainingMs -= performance.now() - this.resumedAt;
  }

  resume(): void {
    if (this.timer !== undefined || !Number.isFinite(this.remainingMs)) return;
    this.resumedAt = performance.now();
    this.timer = setTimeout(() => {
      this.cancel();
      this.onExpire();
    }, Math.max(0, this.remainingMs));
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.remainingMs = Infinity;
  }
}
