/**
 * Ctrl-C (SIGINT) and SIGTERM for a command that is doing work: the first one aborts the command's
 * AbortSignal (the run then ends ABORTED at its next yield, within a few milliseconds) and the command
 * finishes its output and exits 130 or 143, the codes a shell gives a process killed by those signals. A
 * second signal, or a command that has not stopped within a second, ends the process at once; Node still
 * runs its exit hooks, so ink gives the cursor back.
 */

import { CLOSED_PIPE } from './closed-pipe.js';
import { setTimeout as sleep } from 'node:timers/promises';

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type Stop = keyof typeof EXIT_CODES;

/** How long a command may take to stop cleanly before the process is ended anyway. */
const GRACE_MS = 1000;

export interface Interrupt {
  readonly signal: AbortSignal;
  /** The signal that stopped the command, if one did. */
  readonly received: Stop | undefined;
  /** 130 after SIGINT, 143 after SIGTERM, undefined when none came. */
  readonly exitCode: number | undefined;
  /** Removes the handlers: signals get Node's default behaviour again. */
  dispose(): void;
}

/**
 * Listens for SIGINT and SIGTERM until disposed. `outer` (the caller's own stop signal, for in-process
 * use) counts as a SIGINT. `lastWords` writes the one-line note when the process must be ended by force.
 */
export function listenForInterrupts(outer: AbortSignal | undefined, lastWords: (stop: Stop) => void): Interrupt {
  const controller = new AbortController();
  let received: Stop | undefined;
  const force = (stop: Stop): void => {
    lastWords(stop);
    process.exit(EXIT_CODES[stop]);
  };
  const handle = (stop: Stop): void => {
    if (received !== undefined) return force(received);
    received = stop;
    controller.abort();
    setTimeout(() => force(stop), GRACE_MS).unref();
  };
  const onInt = (): void => handle('SIGINT');
  const onTerm = (): void => handle('SIGTERM');
  const onOuter = (): void => {
    // A reader that went away is no reason to stop a run: it finishes, and its output is dropped.
    if (outer?.reason === CLOSED_PIPE) return;
    received ??= 'SIGINT';
    controller.abort();
  };
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  if (outer?.aborted) onOuter();
  else outer?.addEventListener('abort', onOuter, { once: true });
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    get exitCode() {
      return received === undefined ? undefined : EXIT_CODES[received];
    },
    dispose() {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      outer?.removeEventListener('abort', onOuter);
    },
  };
}

/** A real wait (`asl run --real-time`) that ends early, without error and without a timer left behind, on abort. */
export function realSleep(signal: AbortSignal): (ms: number) => Promise<void> {
  return async (ms) => {
    try {
      await sleep(ms, undefined, { signal });
    } catch (error) {
      if (!signal.aborted) throw error;
    }
  };
}
