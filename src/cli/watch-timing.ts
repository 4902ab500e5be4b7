/**
 * When a validate/lint --watch pass runs: the clock it reads (injectable, so tests need no real timers) and
 * the debounce that turns a burst of file events into one pass, never overlapping another.
 */

/** Timers and the wall clock, as the loop uses them. */
export interface WatchClock {
  now(): Date;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: WatchClock = {
  now: () => new Date(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Runs `pass` once events have been quiet for `debounceMs`; a burst during a pass gets one more pass after it. */
export class DebouncedPasses {
  private timer: unknown;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly pass: () => Promise<void>,
    private readonly clock: WatchClock,
    private readonly debounceMs: number,
    private readonly stopped: AbortSignal,
  ) {}

  /** Runs a pass now (the first one, or a fired timer's); `pass` must not reject. */
  start(): void {
    this.running = this.pass().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    });
  }

  /** Something changed: (re)arms the timer, unless the watch has stopped. */
  schedule(): void {
    if (this.stopped.aborted) return;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(() => this.fire(), this.debounceMs);
  }

  /** Disarms the timer and waits for a pass under way; for the end of the watch. */
  async settle(): Promise<void> {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  private fire(): void {
    this.timer = undefined;
    if (this.stopped.aborted) return;
    if (this.running) this.again = true;
    else this.start();
  }
}
