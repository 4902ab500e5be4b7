/**
 * `asl validate --watch` and `asl lint --watch`: a loop around the shared check runner. It watches the
 * inputs (files, directories, globs) and the files their results depend on (lint config files), waits
 * for a burst of changes to settle, re-checks only the files whose text changed (or whose config did),
 * keeps the results of the others, and redraws: with ink on a terminal, as plain text otherwise.
 *
 * This module wires the parts together: what is watched (watch-targets.ts), a pass over the files
 * (watch-session.ts), the redraw (watch-screen.ts), its view (watch-view-choice.ts), the debounce
 * (watch-timing.ts) and the watcher (watch-watcher.ts). The watcher, the clock, the view and the stop
 * signal are injectable, so tests can drive the loop without real timers or a real file-system watcher.
 */
import type { RuleMetadata } from '../report/types.js';
import type { CheckHooks, CheckMachine } from './check-file.js';
import type { CheckOptions } from './check-options.js';
import type { CommandContext } from './context.js';
import { CliError, EXIT_OK, UsageError } from './errors.js';
import type { WatchFrame } from './watch-frame.js';
import { WatchScreen } from './watch-screen.js';
import { WatchSession } from './watch-session.js';
import { DebouncedPasses, realClock, type WatchClock } from './watch-timing.js';
import { openView, type WatchViewChoice } from './watch-view-choice.js';
import { chokidarWatcher, type CreateWatcher, type FileWatcher } from './watch-watcher.js';

export type { WatchChange, WatchFrame, WatchView } from './watch-frame.js';
export { separator } from './watch-frame.js';
export type { WatchClock } from './watch-timing.js';
export type { CreateWatcher, FileWatcher, WatcherOptions } from './watch-watcher.js';
export { inputTarget, isRelevant } from './watch-targets.js';

export interface WatchDeps {
  createWatcher?: CreateWatcher;
  clock?: WatchClock;
  /** How long changes must be quiet before a re-check (editors often write twice). Default 100 ms. */
  debounceMs?: number;
  /** Stops watching when aborted (SIGINT and SIGTERM always stop too). */
  signal?: AbortSignal;
  /** 'ink' or 'plain' to force one, or a view of your own; default: ink on a terminal outside CI and pre-commit. */
  view?: WatchViewChoice;
  /** Called after every redraw: for tests. */
  onFrame?(frame: WatchFrame): void;
  /** Called after every pass, whether it redrew or not: for tests. */
  onCycle?(): void;
}

const DEFAULT_DEBOUNCE_MS = 100;

/** Checks the inputs, then again after every burst of changes, until stopped (a signal, Ctrl-C): exit 0. */
export async function runWatch(
  ctx: CommandContext,
  inputs: string[],
  options: CheckOptions,
  checkMachine: CheckMachine,
  rules: readonly RuleMetadata[] | undefined,
  hooks: CheckHooks = {},
  deps: WatchDeps = {},
): Promise<number> {
  refuseUnwatchable(inputs, options);
  const clock = deps.clock ?? realClock;
  const { expandInputs } = await import('../source/expand.js');
  const stop = stopOnSignals(deps.signal ?? ctx.io.signal);
  const session = new WatchSession(ctx, inputs, checkMachine, hooks, expandInputs);
  const screen = new WatchScreen(ctx, { options, rules, hooks, clock, onFrame: deps.onFrame });
  let watcher: FileWatcher | undefined;
  const onePass = async (): Promise<void> => {
    try {
      const news = await session.pass();
      if (news.newRoots.length > 0) watcher?.add(news.newRoots);
      await screen.update(news, () => session.snapshot());
    } catch (error) {
      // Keep watching whatever went wrong; say what it was on the next redraw.
      session.addProblem(passFailure(error));
      if (ctx.debug && error instanceof Error && error.stack) ctx.io.stderr.write(error.stack + '\n');
    }
    deps.onCycle?.();
  };
  const passes = new DebouncedPasses(onePass, clock, deps.debounceMs ?? DEFAULT_DEBOUNCE_MS, stop.signal);
  try {
    watcher = await startWatcher(deps.createWatcher ?? chokidarWatcher, session, passes);
    screen.attach(await openView(ctx, deps.view, options.color));
    if (!stop.signal.aborted) passes.start();
    await untilAborted(stop.signal);
  } finally {
    stop.abort();
    await passes.settle();
    await watcher?.close();
    await screen.close();
    stop.release();
  }
  return EXIT_OK;
}

/** Expands the inputs, then watches the folders they need; every event marks its path and re-arms the debounce. */
async function startWatcher(create: CreateWatcher, session: WatchSession, passes: DebouncedPasses): Promise<FileWatcher> {
  const roots = await session.begin();
  return create({
    roots,
    ignored: session.targets.ignored,
    onChange: (path) => {
      session.touch(path);
      passes.schedule();
    },
    onError: (error) => {
      session.addProblem(`watching files: ${error.message}`);
      passes.schedule();
    },
  });
}

/** stdin cannot be watched, and a program's format belongs in a file: both are usage errors before anything starts. */
function refuseUnwatchable(inputs: readonly string[], options: CheckOptions): void {
  if (inputs.includes('-')) {
    throw new UsageError('--watch cannot watch stdin (-): name the files, directories or globs to watch instead.');
  }
  if (options.format !== 'stylish' && options.outputFile === undefined) {
    throw new UsageError(
      `--watch shows results on the terminal in the stylish format; --format ${options.format} is for programs: ` +
        `add --output <file> to have that report rewritten after every run, or leave out --format.`,
    );
  }
}

/** Stops on the caller's signal, or on Ctrl-C / SIGTERM: both end with exit 0. `release` removes the listeners. */
function stopOnSignals(outer: AbortSignal | undefined): { signal: AbortSignal; abort(): void; release(): void } {
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  const onOuterAbort = (): void => stop.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  if (outer?.aborted) stop.abort();
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  return {
    signal: stop.signal,
    abort: () => stop.abort(),
    release: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      outer?.removeEventListener('abort', onOuterAbort);
    },
  };
}

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise<void>((done) => {
    if (signal.aborted) done();
    else signal.addEventListener('abort', () => done(), { once: true });
  });
}

/** A pass that threw, as a line on the next redraw: our own errors as they are, anything else as a bug. */
function passFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof CliError ? message : `internal error while re-checking: ${message} (a bug in asl-toolkit; please report it)`;
}
