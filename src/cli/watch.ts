/**
 * `asl validate --watch` and `asl lint --watch`: a loop around the shared check runner. It watches the
 * inputs (files, directories, globs) and the files their results depend on (lint config files), waits
 * for a burst of changes to settle, re-checks only the files whose text changed (or whose config did),
 * keeps the results of the others, and redraws: with ink on a terminal, as plain text otherwise.
 *
 * The watcher, the clock, the view and the stop signal are injectable, so tests can drive the loop
 * without real timers or a real file-system watcher.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, parse, relative, resolve, sep } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import type { MachineResult, RuleMetadata } from '../report/types.js';
import { checkFile, formatReport, inputsOf, writeReport, type CheckHooks, type CheckMachine } from './check-file.js';
import type { CheckOptions } from './check-options.js';
import type { CommandContext } from './context.js';
import { CliError, EXIT_OK, UsageError } from './errors.js';
import type { OutputStream } from './io.js';
import { readInputs } from './read-inputs.js';
import { plural, separator, type WatchChange, type WatchFrame, type WatchView } from './watch-frame.js';
import { decideColorLevel, makePainter } from './color.js';
import { printable } from '../printable.js';

export type { WatchChange, WatchFrame, WatchView } from './watch-frame.js';
export { separator } from './watch-frame.js';

/** Timers and the wall clock, as the loop uses them. */
export interface WatchClock {
  now(): Date;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface WatcherOptions {
  /** Directories to watch (they exist); what happens under them is filtered by `ignored`. */
  roots: string[];
  /** True for a path that cannot matter; the watcher does not descend into an ignored directory. */
  ignored(path: string): boolean;
  /** Something happened at this path (created, changed, deleted, renamed). */
  onChange(path: string): void;
  onError(error: Error): void;
}

export interface FileWatcher {
  /** Watches more roots (directories that exist). */
  add(roots: string[]): void;
  close(): Promise<void>;
}

/** Starts watching; resolves once the roots are being watched. */
export type CreateWatcher = (options: WatcherOptions) => Promise<FileWatcher>;

export interface WatchDeps {
  createWatcher?: CreateWatcher;
  clock?: WatchClock;
  /** How long changes must be quiet before a re-check (editors often write twice). Default 100 ms. */
  debounceMs?: number;
  /** Stops watching when aborted (SIGINT and SIGTERM always stop too). */
  signal?: AbortSignal;
  /** 'ink' or 'plain' to force one, or a view of your own; default: ink on a terminal outside CI and pre-commit. */
  view?: 'ink' | 'plain' | WatchView;
  /** Called after every redraw: for tests. */
  onFrame?(frame: WatchFrame): void;
  /** Called after every pass, whether it redrew or not: for tests. */
  onCycle?(): void;
}

const DEFAULT_DEBOUNCE_MS = 100;

const realClock: WatchClock = {
  now: () => new Date(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Where a watched input's results come from. */
interface Entry {
  text: string | undefined;
  results: MachineResult[];
  problems: string[];
  /** Absolute paths whose change means this file must be checked again. */
  deps: string[];
}

/** Folders a directory search or glob never descends into (as in source/expand.ts), dot folders included. */
const IGNORED_SEGMENT = /(^|[\\/])(node_modules|cdk\.out|\.[^\\/]*)([\\/]|$)/;

export async function runWatch(
  ctx: CommandContext,
  inputs: string[],
  options: CheckOptions,
  checkMachine: CheckMachine,
  rules: readonly RuleMetadata[] | undefined,
  hooks: CheckHooks = {},
  deps: WatchDeps = {},
): Promise<number> {
  if (inputs.includes('-')) {
    throw new UsageError('--watch cannot watch stdin (-): name the files, directories or globs to watch instead.');
  }
  if (options.format !== 'stylish' && options.outputFile === undefined) {
    throw new UsageError(
      `--watch shows results on the terminal in the stylish format; --format ${options.format} is for programs: ` +
        `add --output <file> to have that report rewritten after every run, or leave out --format.`,
    );
  }
  const clock = deps.clock ?? realClock;
  const debounceMs = deps.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const { expandInputs } = await import('../source/expand.js');

  // Stop on the caller's signal, or on Ctrl-C / SIGTERM: both end with exit 0.
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  const onOuterAbort = (): void => stop.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const outer = deps.signal ?? ctx.io.signal;
  if (outer?.aborted) stop.abort();
  outer?.addEventListener('abort', onOuterAbort, { once: true });

  const entries = new Map<string, Entry>();
  let order: string[] = [];
  let inputProblems: string[] = [];
  const watchProblems: string[] = [];
  let touched = new Set<string>();
  let run = 0;
  let lastProblems = '';
  let expansion: { files: string[]; problems: string[]; warnings: string[] } | undefined;
  const targets = new Map<string, boolean>(); // absolute path → recursive
  const roots = new Set<string>();
  /** Dependency (absolute path) → the input files whose results it affects, ignored files included. */
  let depOwners = new Map<string, Set<string>>();

  const dependenciesOf = (file: string, results: readonly MachineResult[]): string[] => {
    const out = new Set(hooks.dependencies?.(file) ?? []);
    // A template naming a separate definition file: that file's edits change the template's results.
    for (const r of results) if (r.file !== file) out.add(resolve(ctx.cwd, r.file));
    return [...out];
  };

  /** Adds targets for the inputs and every file's dependencies; returns the roots not watched yet. */
  const updateTargets = (files: readonly string[]): string[] => {
    for (const input of inputs) {
      const target = inputTarget(input, ctx.cwd);
      targets.set(target.path, (targets.get(target.path) ?? false) || target.recursive);
    }
    depOwners = new Map();
    for (const file of files) {
      for (const dep of entries.get(file)?.deps ?? dependenciesOf(file, [])) {
        if (!targets.has(dep)) targets.set(dep, false);
        const owners = depOwners.get(dep);
        if (owners) owners.add(file);
        else depOwners.set(dep, new Set([file]));
      }
    }
    const fresh: string[] = [];
    for (const [path, recursive] of targets) {
      const root = nearestDirectory(recursive ? path : dirname(path));
      // Never the file-system root: chokidar 4 mistakes it for deleted, and nothing sensible lives there.
      if (root !== undefined && root !== parse(root).root && !roots.has(root)) {
        roots.add(root);
        fresh.push(root);
      }
    }
    return fresh;
  };
  const ignored = (path: string): boolean => !isRelevant(resolve(path), targets);

  /** One pass: re-expand the inputs, re-check what changed, redraw if anything did. */
  const cycle = async (): Promise<void> => {
    const seen = touched;
    touched = new Set();
    // Searching the inputs again (a glob walk, sniffing templates) is needed only when something other
    // than a known file's content changed: a path appeared or went away.
    const known = new Set((expansion?.files ?? []).map((f) => resolve(ctx.cwd, f)));
    if (expansion === undefined || [...seen].some((p) => (!known.has(p) && !depOwners.has(p)) || !existsSync(p))) {
      expansion = await expandInputs(inputs, ctx.cwd);
    }
    const expanded = expansion;
    const changes: WatchChange[] = [];
    const stale = new Set<string>();
    for (const dep of seen) {
      const owners = depOwners.get(dep);
      if (!owners) continue;
      owners.forEach((file) => stale.add(file));
      changes.push({ file: relative(ctx.cwd, dep) || dep, kind: existsSync(dep) ? 'changed' : 'deleted' });
    }
    if (stale.size > 0) hooks.forget?.();
    const configProblems: string[] = [];
    const skipped = new Set<string>();
    for (const file of expanded.files) {
      try {
        if (hooks.skip?.(file)) skipped.add(file);
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        if (!configProblems.includes(error.message)) configProblems.push(error.message);
      }
    }
    const current = new Set(expanded.files.filter((f) => !skipped.has(f)));
    for (const file of [...entries.keys()]) {
      if (current.has(file)) continue;
      entries.delete(file);
      changes.push({ file, kind: skipped.has(file) ? 'ignored' : 'deleted' });
    }
    for (const file of current) {
      const old = entries.get(file);
      if (old && !stale.has(file) && !seen.has(resolve(ctx.cwd, file))) continue;
      const read = await readInputs([file], ctx.cwd, ctx.io.stdin);
      const input = read.files[0];
      // The same text as last time (an editor's second write, a touch): nothing to re-check.
      if (old && !stale.has(file) && input?.text === old.text && read.problems.length === 0) continue;
      const problems = [...read.problems];
      const results = input ? await checkFile(ctx, input, checkMachine, problems) : [];
      entries.set(file, { text: input?.text, results, problems, deps: dependenciesOf(file, results) });
      // A file re-checked only because its config changed is not news of its own.
      if (!old || input?.text !== old.text) changes.push({ file, kind: old ? 'changed' : 'added' });
    }
    order = [...current];
    inputProblems = [...expanded.problems, ...expanded.warnings.map((w) => `warning: ${w}`)];
    const problems = [...new Set([...inputProblems, ...configProblems, ...order.flatMap((f) => entries.get(f)?.problems ?? []), ...watchProblems.splice(0)])];
    const fresh = updateTargets(expanded.files);
    if (fresh.length > 0) watcher?.add(fresh);
    const problemsKey = problems.join('\n');
    if (run > 0 && changes.length === 0 && problemsKey === lastProblems) return;
    lastProblems = problemsKey;
    await redraw(changes, problems);
  };

  const redraw = async (changes: WatchChange[], problems: string[]): Promise<void> => {
    // A definition file that a template among the inputs names is reported once, under the template (which
    // knows its logical id and workflow type), as a one-off run does (read-inputs.ts).
    const viaTemplate = new Set<string>();
    for (const f of order) for (const r of entries.get(f)?.results ?? []) if (r.file !== f) viaTemplate.add(resolve(ctx.cwd, r.file));
    const results = order.flatMap((f) => (viaTemplate.has(resolve(ctx.cwd, f)) ? [] : entries.get(f)?.results ?? []));
    const texts = new Map<string, string>();
    for (const f of order) {
      const text = entries.get(f)?.text;
      if (text !== undefined) texts.set(f, text);
    }
    if (options.outputFile !== undefined) {
      try {
        writeReport(ctx, await formatReport(ctx, results, options, rules, (f) => texts.get(f), true), options.outputFile, inputsOf(order, results, hooks));
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        problems.push(error.message);
      }
    }
    // Nothing was checked because of the problems (a broken config): a "0 state machines valid" summary would mislead.
    const report = results.length === 0 && problems.length > 0 ? '' : await formatReport(ctx, results, options, rules, (f) => texts.get(f), false, 'stylish');
    run += 1;
    const frame: WatchFrame = {
      run,
      time: clock.now(),
      files: order.length,
      changes: run === 1 ? [] : changes,
      problems,
      report,
      errors: results.some((r) => !r.valid),
    };
    view.show(frame);
    deps.onFrame?.(frame);
  };

  // The loop: a burst of events arms one timer; a pass never overlaps another.
  let timer: unknown;
  let running: Promise<void> | undefined;
  let again = false;
  const guarded = async (): Promise<void> => {
    try {
      await cycle();
    } catch (error) {
      // Keep watching whatever went wrong; say what it was on the next redraw.
      const message = error instanceof Error ? error.message : String(error);
      watchProblems.push(error instanceof CliError ? message : `internal error while re-checking: ${message} (a bug in asl-toolkit; please report it)`);
      if (ctx.debug && error instanceof Error && error.stack) ctx.io.stderr.write(error.stack + '\n');
    }
    deps.onCycle?.();
  };
  const start = (): void => {
    running = guarded().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        schedule();
      }
    });
  };
  const fire = (): void => {
    timer = undefined;
    if (stop.signal.aborted) return;
    if (running) again = true;
    else start();
  };
  const schedule = (): void => {
    if (stop.signal.aborted) return;
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = clock.setTimeout(fire, debounceMs);
  };

  let watcher: FileWatcher | undefined;
  let view: WatchView = { show: () => undefined, close: async () => undefined };
  try {
    const first = (expansion = await expandInputs(inputs, ctx.cwd));
    const initialRoots = updateTargets(first.files);
    watcher = await (deps.createWatcher ?? chokidarWatcher)({
      roots: initialRoots,
      ignored,
      onChange: (path) => {
        touched.add(resolve(ctx.cwd, path));
        schedule();
      },
      onError: (error) => {
        watchProblems.push(`watching files: ${error.message}`);
        schedule();
      },
    });
    view = await openView(ctx, deps.view, options.color);
    if (!stop.signal.aborted) start();
    await new Promise<void>((done) => {
      if (stop.signal.aborted) done();
      else stop.signal.addEventListener('abort', () => done(), { once: true });
    });
  } finally {
    stop.abort();
    if (timer !== undefined) clock.clearTimeout(timer);
    await running?.catch(() => undefined);
    await watcher?.close();
    await view.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    outer?.removeEventListener('abort', onOuterAbort);
  }
  return EXIT_OK;
}

/** What to watch for one input: a directory or a glob's fixed base recursively, a file (or missing path) exactly. */
export function inputTarget(input: string, cwd: string): { path: string; recursive: boolean } {
  if (isDynamicPattern(input)) {
    const segments = input.split(/[\\/]/);
    const fixed: string[] = [];
    for (const segment of segments) {
      if (isDynamicPattern(segment)) break;
      fixed.push(segment);
    }
    const base = fixed.join('/') || (isAbsolute(input) ? '/' : '.');
    return { path: resolve(cwd, base), recursive: true };
  }
  const path = resolve(cwd, input);
  return { path, recursive: statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false };
}

/** The path itself if it is a directory, else its nearest existing ancestor directory. */
function nearestDirectory(path: string): string | undefined {
  let dir = path;
  for (;;) {
    if (statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isUnder(path: string, dir: string): boolean {
  return path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

/**
 * Whether a change at `path` can matter: a target itself, anything under a recursive target except
 * dependency and dot folders, or a folder on the way to a target (so a folder created later is followed).
 */
export function isRelevant(path: string, targets: ReadonlyMap<string, boolean>): boolean {
  for (const [target, recursive] of targets) {
    if (path === target) return true;
    if (recursive && isUnder(path, target) && !IGNORED_SEGMENT.test(relative(target, path))) return true;
    if (isUnder(target, path)) return true;
  }
  return false;
}

/** The real watcher: chokidar, loaded only here (see docs/architecture.md for why not fs.watch). */
const chokidarWatcher: CreateWatcher = async ({ roots, ignored, onChange, onError }) => {
  const { watch } = await import('chokidar');
  const watcher = watch(roots, { ignoreInitial: true, ignored: (path: string) => ignored(path), persistent: true });
  watcher.on('all', (_event, path) => onChange(path));
  watcher.on('error', (error) => onError(error instanceof Error ? error : new Error(String(error))));
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  return {
    add: (more) => void watcher.add(more),
    close: () => watcher.close(),
  };
};

/** ink only on a real terminal outside CI and pre-commit (it writes cursor codes even when piped). */
function useInkView(ctx: CommandContext): boolean {
  return Boolean(ctx.io.stdout.isTTY) && !ctx.env.CI && !ctx.env.PRE_COMMIT;
}

async function openView(ctx: CommandContext, choice: WatchDeps['view'], color: boolean | undefined): Promise<WatchView> {
  if (typeof choice === 'object') return choice;
  const ink = choice === undefined ? useInkView(ctx) : choice === 'ink';
  if (ink) {
    const { loadInkView } = await import('./load-ink.js');
    const { startWatchView } = await loadInkView(() => import('./watch-view.js'));
    // The status line and problems in the colours the report gets (--color, --no-color, NO_COLOR …).
    return startWatchView(ctx.io.stdout, await makePainter(decideColorLevel(color, ctx.env, ctx.io.stdout)));
  }
  return plainView(ctx.io.stdout, ctx.io.stderr);
}

/** Plain text: the first report, then a separator line and the fresh report per change. No cursor codes. */
function plainView(stdout: OutputStream, stderr: OutputStream): WatchView {
  return {
    show(frame) {
      if (frame.run > 1) stdout.write(`\n${printable(separator(frame))}\n`);
      for (const problem of frame.problems) stderr.write(`asl: ${printable(problem, { keepNewlines: true })}\n`);
      stdout.write(frame.report);
      if (frame.run === 1) stderr.write(`asl: watching ${plural(frame.files, 'file')} for changes; press Ctrl-C to stop\n`);
    },
    close: async () => undefined,
  };
}
