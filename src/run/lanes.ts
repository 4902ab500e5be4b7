/**
 * Concurrency on the virtual clock, for Parallel branches and Map iterations. The threads of one state
 * run one at a time, cooperatively: a thread runs until it waits (a Wait state, a back-off, a stub's
 * latency), and then the thread with the earliest virtual time goes next, the lowest index first on a tie.
 * So events happen in virtual-time order, the first failure in virtual time is the one that fails the
 * state (as on AWS, where the other branches are then stopped), and a result never depends on how long
 * the host took. When every thread waits, the state itself waits in its own frame for the earliest one,
 * so nested Parallel and Map states interleave correctly with their siblings.
 */
import type { Frame, LaneScheduler, Runtime } from './runtime.js';

interface Waiting {
  time: number;
  index: number;
  resume(): void;
}

export interface LaneHooks<T> {
  /** Runs thread `index` in `frame` (a child of the state's frame, with this scheduler attached). */
  run(index: number, frame: Frame): Promise<T>;
  /** Makes the child frame for thread `index`, starting at `start`. */
  frame(index: number, start: number): Frame;
  /** A thread finished; return false to stop the state (nothing else runs). */
  done(index: number, value: T, frame: Frame): boolean;
  /** A thread threw; return false to stop the state. Other exceptions than workflow errors should stop it. */
  failed(index: number, error: unknown, frame: Frame): boolean;
}

/** A binary heap of waiting threads ordered by (time, index). */
class WaitQueue {
  private readonly items: Waiting[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Waiting | undefined {
    return this.items[0];
  }

  push(item: Waiting): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(a[i]!, a[parent]!)) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }

  pop(): Waiting | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

function before(a: { time: number; index: number }, b: { time: number; index: number }): boolean {
  return a.time < b.time || (a.time === b.time && a.index < b.index);
}

export class Lanes implements LaneScheduler {
  private readonly queue = new WaitQueue();
  /** Called when the running thread waits or ends, handing control back to the loop. */
  private handBack: (() => void) | undefined;

  constructor(
    private readonly runtime: Runtime,
    private readonly parent: Frame,
  ) {}

  /** Called through Runtime.delay by a thread of this scheduler: wait until `time`, letting others run. */
  sleep(frame: Frame, time: number): Promise<void> {
    const index = frame.laneIndex ?? 0;
    return new Promise<void>((resolve) => {
      this.queue.push({
        time,
        index,
        resume: () => {
          frame.clock = time;
          resolve();
        },
      });
      this.yieldControl();
    });
  }

  private yieldControl(): void {
    const back = this.handBack;
    this.handBack = undefined;
    back?.();
  }

  /**
   * Runs `count` threads with at most `limit` (0 = no limit) in flight; a thread starts when a slot frees,
   * at that moment of virtual time. Returns when all are done or a hook stopped the state; the parent
   * frame's clock is then the time of the last step taken.
   */
  async run<T>(count: number, limit: number, hooks: LaneHooks<T>): Promise<void> {
    const max = limit > 0 ? limit : count;
    let started = 0;
    let inFlight = 0;
    let stopped = false;
    let crash: { error: unknown } | undefined;
    const start = (index: number): void => {
      const frame = hooks.frame(index, this.parent.clock);
      frame.lanes = this;
      frame.laneIndex = index;
      inFlight++;
      // The hooks record history events, which can throw (the event guard): that stops the state too.
      const settle = (decide: () => boolean): void => {
        let keepGoing = false;
        try {
          keepGoing = decide();
        } catch (error) {
          crash ??= { error };
        }
        inFlight--;
        if (!keepGoing) stopped = true;
        this.yieldControl();
      };
      hooks.run(index, frame).then(
        (value) => settle(() => hooks.done(index, value, frame)),
        (error) => settle(() => hooks.failed(index, error, frame)),
      );
    };
    while (!stopped) {
      const waiting = this.queue.peek();
      // A new thread may start now (at the parent's time) unless a waiting one is due first.
      const canStart = started < count && inFlight < max;
      if (canStart && (!waiting || before({ time: this.parent.clock, index: started }, waiting))) {
        const index = started++;
        await new Promise<void>((resolve) => {
          this.handBack = resolve;
          start(index);
        });
        continue;
      }
      if (!waiting) break;
      this.queue.pop();
      if (waiting.time > this.parent.clock) await this.runtime.delay(this.parent, waiting.time - this.parent.clock);
      await new Promise<void>((resolve) => {
        this.handBack = resolve;
        waiting.resume();
      });
    }
    if (crash) throw crash.error;
  }
}
