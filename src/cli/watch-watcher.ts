/**
 * The file-system watcher behind `asl validate --watch` and `asl lint --watch`, as the loop (src/cli/watch.ts)
 * sees it: an interface tests can fake, and the real one, chokidar, loaded only here (see
 * docs/architecture.md for why not fs.watch).
 */

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

/** The real watcher: chokidar, imported only when a watch starts. */
export const chokidarWatcher: CreateWatcher = async ({ roots, ignored, onChange, onError }) => {
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
