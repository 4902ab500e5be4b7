/**
 * Command-line inputs to files: files as given, directories searched for state machines, globs
 * expanded. Each file is listed once, however many names reach it (symbolic links, a folder and a
 * glob over it). Problems (a missing path, a glob matching nothing, a folder that cannot be read) are
 * collected so the other inputs are still checked and the CLI can exit 2; a folder inside a search that
 * cannot be read, when the search found files elsewhere, is a warning (see docs/inputs.md).
 */
import { realpathSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { reasonOf } from './load-file.js';
import type { SearchFs, SearchResult, Unreadable } from './search.js';
import { searchDirectory, searchGlob } from './search.js';

export interface ExpandResult {
  files: string[];
  /** One line each, ready to print: inputs that gave nothing to check. */
  problems: string[];
  /** One line each: parts of a search that could not be read, when the search found other files. */
  warnings: string[];
}

export interface ExpandOptions {
  /** Replaces the directory listing call (tests). */
  fs?: SearchFs;
}

export async function expandInputs(args: string[], cwd: string, options: ExpandOptions = {}): Promise<ExpandResult> {
  const result: ExpandResult = { files: [], problems: [], warnings: [] };
  const seen = new Set<string>();
  const add = (file: string): void => {
    const key = file === '-' ? '-' : realPath(resolve(cwd, file));
    if (seen.has(key)) return;
    seen.add(key);
    result.files.push(file);
  };
  for (const arg of args) {
    if (arg === '-') {
      add('-');
      continue;
    }
    let info: Stats | undefined;
    try {
      info = statSync(resolve(cwd, arg));
    } catch (error) {
      // A pattern is not a path (and may sit below a folder that cannot be read: the glob says so).
      if (!isDynamicPattern(arg)) {
        result.problems.push(`${arg}: ${reasonOf(error)}`);
        continue;
      }
    }
    // A pipe is read like a file: `asl validate <(aws stepfunctions describe-state-machine …)`.
    if (info?.isFile() || info?.isFIFO()) add(arg);
    else if (info?.isDirectory()) report(arg, cwd, await searchDirectory(arg, cwd, options.fs), 'directory', result).forEach(add);
    else if (info) result.problems.push(`${arg}: not a regular file (a device or a socket); name a definition file, a directory or a glob`);
    else report(arg, cwd, await searchGlob(arg, cwd, isAbsolute(arg), options.fs), 'pattern', result).forEach(add);
  }
  return result;
}

/** Turns what one search could not read into problems or warnings; returns the files it found. */
function report(arg: string, cwd: string, search: SearchResult, kind: 'directory' | 'pattern', result: ExpandResult): string[] {
  const { files, unreadable } = search;
  if (files.length === 0) {
    if (unreadable.length === 0) result.problems.push(kind === 'directory' ? `${arg}: ${NOTHING_FOUND}` : `${arg}: no files match this pattern`);
    const elsewhere = kind === 'directory' ? 'no state machines found in the rest of it' : 'nothing else matches';
    for (const folder of unreadable) {
      const itself = resolve(cwd, folder.path) === resolve(cwd, arg);
      result.problems.push(`${arg}: ${describe(folder, itself)}${itself ? '' : `; ${elsewhere}`}`);
    }
  } else {
    for (const folder of unreadable) result.warnings.push(`${arg}: ${describe(folder, false)}; the files in it were not checked`);
  }
  return files;
}

const NOTHING_FOUND =
  'no state machines found in this directory (definition files such as *.asl.json, other JSON or YAML files with "StartAt" and "States", CloudFormation / SAM templates with state machine resources, Serverless files with stepFunctions)';

function describe(folder: Unreadable, itself: boolean): string {
  const which = itself ? 'cannot read this directory' : `cannot read the folder ${folder.path}`;
  const reason = reasonOf(folder.error);
  const fix = reason === 'permission denied' ? ' (give your user read and execute permission on it, or name the folders you can read)' : '';
  return `${which}: ${reason}${fix}`;
}

/** The file behind any symbolic links, so two names of one file count once. */
function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}
