/**
 * What a validate/lint --watch follows: a target per input (a file exactly, a directory or a glob's fixed base
 * recursively) and per dependency (a lint config file), the folders handed to the watcher to see them, and
 * which input files each dependency affects.
 */
import { statSync } from 'node:fs';
import { dirname, isAbsolute, parse, relative, resolve, sep } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';

/** Folders a directory search or glob never descends into (as in source/expand.ts), dot folders included. */
const IGNORED_SEGMENT = /(^|[\\/])(node_modules|cdk\.out|\.[^\\/]*)([\\/]|$)/;

/** The targets of one watch; they only grow, while the dependency owners are rebuilt on every update. */
export class WatchTargets {
  /** Absolute path → whether everything under it counts (recursive). */
  private readonly targets = new Map<string, boolean>();
  /** Folders already handed to the watcher. */
  private readonly roots = new Set<string>();
  /** Dependency (absolute path) → the input files whose results it affects, ignored files included. */
  private owners = new Map<string, Set<string>>();

  constructor(
    private readonly inputs: readonly string[],
    private readonly cwd: string,
  ) {}

  /** Adds targets for the inputs and every file's dependencies; returns the roots not watched yet. */
  update(files: readonly string[], dependenciesOf: (file: string) => readonly string[]): string[] {
    this.addInputs();
    this.indexDependencies(files, dependenciesOf);
    return this.newRoots();
  }

  /** The input files whose results depend on `path`, or undefined when it is no dependency. */
  ownersOf(path: string): ReadonlySet<string> | undefined {
    return this.owners.get(path);
  }

  /** The watcher's filter: true for a path that cannot matter. */
  readonly ignored = (path: string): boolean => !isRelevant(resolve(path), this.targets);

  private addInputs(): void {
    for (const input of this.inputs) {
      const target = inputTarget(input, this.cwd);
      this.targets.set(target.path, (this.targets.get(target.path) ?? false) || target.recursive);
    }
  }

  private indexDependencies(files: readonly string[], dependenciesOf: (file: string) => readonly string[]): void {
    this.owners = new Map();
    for (const file of files) {
      for (const dep of dependenciesOf(file)) {
        if (!this.targets.has(dep)) this.targets.set(dep, false);
        const owners = this.owners.get(dep);
        if (owners) owners.add(file);
        else this.owners.set(dep, new Set([file]));
      }
    }
  }

  private newRoots(): string[] {
    const fresh: string[] = [];
    for (const [path, recursive] of this.targets) {
      const root = nearestDirectory(recursive ? path : dirname(path));
      // Never the file-system root: chokidar 4 mistakes it for deleted, and nothing sensible lives there.
      if (root !== undefined && root !== parse(root).root && !this.roots.has(root)) {
        this.roots.add(root);
        fresh.push(root);
      }
    }
    return fresh;
  }
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
