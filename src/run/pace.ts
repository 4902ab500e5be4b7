/**
 * Keeps a long execution from holding the event loop: the interpreter runs on promises that are already
 * settled, so without a macrotask break timers, signals and a live view's redraws would wait for the whole
 * run. Every state asks `checkpoint()`; about every 20 ms of wall time it yields one turn of the event loop
 * (setImmediate), and it ends the execution once the caller's AbortSignal has fired.
 */

/** Thrown at a checkpoint once the caller's signal has aborted: the execution then ends ABORTED. */
export class ExecutionAborted extends Error {
  constructor() {
    super('The execution was aborted.');
    this.name = 'ExecutionAborted';
  }
}

/** Wall time a run may hold the event loop before it yields. */
const SLICE_MS = 20;

export class Pacer {
  private last = performance.now();

  constructor(private readonly signal: AbortSignal | undefined) {}

  /** True once the caller aborted: any exception from then on ends the execution ABORTED. */
  get aborted(): boolean {
    return this.signal?.aborted === true;
  }

  /**
   * Undefined when no yield is due, so the common step costs one clock read and no await; otherwise a
   * promise that settles on the next turn of the event loop. Throws ExecutionAborted once aborted.
   */
  checkpoint(): Promise<void> | undefined {
    if (this.signal?.aborted) throw new ExecutionAborted();
    if (performance.now() - this.last < SLICE_MS) return undefined;
    return this.yieldNow();
  }

  private async yieldNow(): Promise<void> {
    await new Promise<void>((resume) => setImmediate(resume));
    this.last = performance.now();
    if (this.signal?.aborted) throw new ExecutionAborted();
  }
}
