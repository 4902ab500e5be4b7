/**
 * The progress line of `asl test` on a terminal: "running 412 scenarios · 3 failed", rewritten in place at
 * most ten times a second, and cleared before each file's lines are printed, so a long suite shows life from
 * the start. Only on a terminal outside CI and pre-commit, like run's live view: a log gets no escape codes.
 */
import type { CommandContext } from './context.js';

const FRAME_MS = 100;

export interface TestProgress {
  scenario(failed: boolean): void;
  /** Clears the line (before other output, and at the end). */
  clear(): void;
  /** Removes the Ctrl-C handler: signals get Node's default behaviour again. */
  dispose(): void;
}

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

export function testProgress(ctx: CommandContext): TestProgress | undefined {
  if (!ctx.io.stdout.isTTY || ctx.env.CI || ctx.env.PRE_COMMIT) return undefined;
  let done = 0;
  let failed = 0;
  let shown = false;
  // A suite over within the first frame shows no progress line at all (no flicker on quick runs).
  let last = performance.now();
  const clearLine = () => {
    if (shown) ctx.io.stdout.write('\r\u001b[2K');
    shown = false;
  };
  // Ctrl-C stops at once, as it would without the line, but leaves the terminal clean and says so.
  const stop = (signal: keyof typeof EXIT_CODES) => () => {
    clearLine();
    ctx.io.stderr.write(`asl: interrupted by ${signal} after ${done} scenario${done === 1 ? '' : 's'}\n`);
    process.exit(EXIT_CODES[signal]);
  };
  const onInt = stop('SIGINT');
  const onTerm = stop('SIGTERM');
  process.once('SIGINT', onInt);
  process.once('SIGTERM', onTerm);
  return {
    scenario(isFailure) {
      done++;
      if (isFailure) failed++;
      const now = performance.now();
      if (now - last < FRAME_MS) return;
      last = now;
      ctx.io.stdout.write(`\r\u001b[2K  running · ${done} scenario${done === 1 ? '' : 's'} done${failed ? ` · ${failed} failed` : ''}`);
      shown = true;
    },
    clear: clearLine,
    dispose() {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    },
  };
}
