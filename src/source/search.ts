/**
 * Walking a directory or a glob with tinyglobby, keeping what the walk could not read. tinyglobby (fdir)
 * skips a folder it cannot list without a word, so a locked folder looked like one without definitions;
 * its `readdir` is wrapped here to note each failure, which the caller turns into a message.
 */
import * as nativeFs from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { fileHoldsStateMachine } from './sniff.js';

/** The directory listing call, replaceable in tests (running as root, a chmod 000 folder is still readable). */
export interface SearchFs {
  readdir: typeof nativeFs.readdir;
}

export interface Unreadable {
  /** The folder, as the user would write it (under the directory or pattern they named). */
  path: string;
  error: unknown;
}

export interface SearchResult {
  files: string[];
  unreadable: Unreadable[];
}

const DEFINITION_NAME = /\.asl\.(json|ya?ml|json5)$/;
const CANDIDATE_PATTERNS = ['**/*.json', '**/*.json5', '**/*.yaml', '**/*.yml', '**/*.template', '**/*.asl'];
/** Package manifests and tool configuration: large and never a state machine, so never read. */
const NOT_A_MACHINE = /(^|\/)(package(-lock)?|tsconfig|cdk|jsconfig|composer)\.json$/;
/** Vendored packages, CDK's synthesized copies and dot folders (.git, .aws-sam, .serverless builds). */
const IGNORED = ['**/node_modules/**', '**/.*/**', '**/cdk.out/**'];

/**
 * Definitions (`*.asl.json` and the like, by name) and any other JSON or YAML file whose content holds
 * a state machine, sorted, under the directory as the user named it.
 */
export async function searchDirectory(dir: string, cwd: string, fs?: SearchFs): Promise<SearchResult> {
  const root = resolve(cwd, dir);
  const { adapter, failures } = recordingFs(fs);
  const options = { cwd: root, ignore: IGNORED, onlyFiles: true, expandDirectories: false, fs: adapter } as const;
  const candidates = await glob(CANDIDATE_PATTERNS, options);
  const files = candidates.filter(
    (file) => DEFINITION_NAME.test(file) || (!NOT_A_MACHINE.test(file) && fileHoldsStateMachine(resolve(root, file))),
  );
  return {
    files: files.sort().map((file) => join(dir, file)),
    unreadable: failures.map(({ path, error }) => ({ path: join(dir, relative(root, path)), error })),
  };
}

/** The files a pattern matches, sorted; dot folders only when the pattern names them. */
export async function searchGlob(pattern: string, cwd: string, absolute: boolean, fs?: SearchFs): Promise<SearchResult> {
  const { adapter, failures } = recordingFs(fs);
  const ignore = ['**/node_modules/**', '**/cdk.out/**'];
  const files = await glob(pattern, { cwd, ignore, onlyFiles: true, expandDirectories: false, absolute, fs: adapter });
  return {
    files: files.sort(),
    unreadable: failures.map(({ path, error }) => ({ path: absolute ? path : relative(cwd, path) || '.', error })),
  };
}

function recordingFs(fs: SearchFs | undefined): { adapter: Pick<typeof nativeFs, 'readdir'>; failures: Unreadable[] } {
  const readdir = fs?.readdir ?? nativeFs.readdir;
  const failures: Unreadable[] = [];
  const seen = new Set<string>();
  // Through a symbolic link loop the walk meets one folder under several names: named once.
  const note = (path: string, error: unknown): void => {
    let real = path;
    try {
      real = nativeFs.realpathSync.native(path);
    } catch {
      // Keep the name as met.
    }
    if (seen.has(real)) return;
    seen.add(real);
    failures.push({ path, error });
  };
  const wrapped = ((path: string, options: object, callback: (error: NodeJS.ErrnoException | null, entries?: unknown) => void) => {
    (readdir as unknown as (p: string, o: object, cb: typeof callback) => void)(path, options, (error, entries) => {
      // A folder that vanished between listing and reading is no one's problem.
      if (error && error.code !== 'ENOENT') note(resolve(path), error);
      callback(error, entries);
    });
  }) as unknown as typeof nativeFs.readdir;
  return { adapter: { readdir: wrapped }, failures };
}
