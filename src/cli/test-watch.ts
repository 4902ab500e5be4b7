/**
 * `asl test --watch`: runs the suites, then re-runs the test files a change affects (the test file itself,
 * its definition, stub file, input files or mock configs) after each burst of changes, and picks up test
 * files created later. Runs until interrupted. The watcher and the runner are injected so tests can drive
 * the loop without real file events.
 */
import { resolve } from 'node:path';
import type { CommandContext } from './context.js';

export interface TestWatchDeps {
  /** Runs the given test files (or the inputs, first time) and prints their report; resolves when done. */
  run(paths: string[]): Promise<void>;
  /** Starts watching `roots`; calls `onChange` with an absolute path for each change. */
  watch(roots: string[], onChange: (path: string) => void): Promise<{ close(): Promise<void> }>;
  /** Milliseconds of quiet before a burst of changes is handled. */
  debounceMs?: number;
  /** Resolves when watching should stop (default: never; Ctrl-C ends the process). */
  stopped?: Promise<void>;
}

export async function watchTests(ctx: CommandContext, inputs: string[], deps: TestWatchDeps): Promise<void> {
  const { findTestFiles } = await import('../suite/find-test-files.js');
  const { testFileDependencies } = await import('../suite/dependencies.js');
  const dependsOn = new Map<string, string[]>();
  const refresh = async () => {
    const { files } = await findTestFiles(inputs, ctx.cwd);
    dependsOn.clear();
    for (const file of files) dependsOn.set(resolve(ctx.cwd, file), await testFileDependencies(resolve(ctx.cwd, file)));
  };
  await deps.run(inputs);
  await refresh();
  let touched = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const handle = async () => {
    const changed = touched;
    touched = new Set();
    await refresh();
    const affected = [...dependsOn].filter(([test, files]) => changed.has(test) || files.some((f) => changed.has(f))).map(([test]) => test);
    if (affected.length === 0) return;
    const names = [...changed].map((p) => p.replace(`${ctx.cwd}/`, '')).join(', ');
    ctx.io.stdout.write(`\n— ${names} changed: re-running ${affected.length} test file${affected.length === 1 ? '' : 's'}\n\n`);
    await deps.run(affected);
  };
  const onChange = (path: string) => {
    touched.add(path);
    clearTimeout(timer);
    // One run at a time: a burst during a run is handled after it.
    timer = setTimeout(() => void (running = running.then(handle)), deps.debounceMs ?? 100);
  };
  const roots = inputs.map((i) => resolve(ctx.cwd, i));
  const watcher = await deps.watch(roots, onChange);
  // The definitions and stubs a test file names may live outside the watched inputs.
  const outside = [...new Set([...dependsOn.values()].flat())].filter((f) => !roots.some((root) => f === root || f.startsWith(`${root}/`)));
  const extra = outside.length > 0 ? await deps.watch(outside, onChange) : undefined;
  ctx.io.stderr.write('asl: watching for changes (Ctrl-C to stop)\n');
  await (deps.stopped ?? new Promise<void>(() => {}));
  clearTimeout(timer);
  await running;
  await watcher.close();
  await extra?.close();
}

/** The real watcher: chokidar, loaded only with --watch, skipping dependency folders. */
export async function chokidarWatch(roots: string[], onChange: (path: string) => void): Promise<{ close(): Promise<void> }> {
  const { watch } = await import('chokidar');
  const ignored = (path: string) => /(^|\/)(node_modules|\.git|cdk\.out)(\/|$)/.test(path);
  const watcher = watch(roots, { ignoreInitial: true, ignored, persistent: true });
  watcher.on('all', (_event, path) => onChange(resolve(path)));
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  return { close: () => watcher.close() };
}
