/**
 * Turns command-line inputs (files, directories, globs, "-") into loaded files, keeping each file's
 * text so the stylish format can quote the offending line. Problems with the inputs themselves
 * (missing paths, globs matching nothing, unreadable files) are collected, not thrown: the other
 * inputs are still checked, and the command exits 2.
 */
import { dirname, resolve } from 'node:path';
import { realpathSync, statSync } from 'node:fs';
import type { LoadedFile } from '../source/types.js';
import { loadText, MAX_FILE_BYTES, MAX_STREAM_BYTES, tooLargeFile } from '../source/load-text.js';
import { readFileCapped, readStreamCapped, ReadCapExceeded } from '../source/read-capped.js';
import { reasonOf } from '../source/load-file.js';
import { dropRepeatedMachines } from '../source/dedupe.js';
import type { ExpandResult } from '../source/expand.js';

export interface ReadInput {
  loaded: LoadedFile;
  text: string;
}

export interface ReadInputsResult {
  files: ReadInput[];
  /** One line each, ready to print. */
  problems: string[];
  /** One line each: folders a search could not read while it found files elsewhere (not an exit 2). */
  warnings: string[];
}

export async function readInputs(
  inputs: readonly string[],
  cwd: string,
  stdin: NodeJS.ReadableStream,
): Promise<ReadInputsResult> {
  const { files: paths, problems, warnings } = await expand(inputs, cwd);
  const files: ReadInput[] = [];
  for (const path of paths) {
    let text: string;
    try {
      // A file far over the loader's limits is refused from its size, never read into memory.
      const info = path === '-' ? undefined : statSync(resolve(cwd, path));
      const size = info?.size ?? 0;
      if (size > MAX_FILE_BYTES) {
        files.push({ loaded: tooLargeFile(path, size), text: '' });
        continue;
      }
      // Synchronous reads: definitions are small, and this beats the thread pool's round trips. The cap
      // stops a device or a pipe that never ends (a stat gives them no size).
      text = path === '-' ? await readStreamCapped(stdin, MAX_STREAM_BYTES) : readFileCapped(resolve(cwd, path), info?.isFile() ? MAX_FILE_BYTES : MAX_STREAM_BYTES);
    } catch (error) {
      if (error instanceof ReadCapExceeded) {
        files.push({ loaded: tooLargeFile(path, error.read, true), text: '' });
        continue;
      }
      problems.push(`cannot read ${path}: ${reasonOf(error)}`);
      continue;
    }
    try {
      const baseDir = path === '-' ? cwd : dirname(resolve(cwd, path));
      files.push({ loaded: loadText(text, path, { baseDir }), text });
    } catch (error) {
      // The loader turns bad input into diagnostics; an exception here is a bug. Keep going with the rest.
      problems.push(`internal error while reading ${path}: ${error instanceof Error ? error.message : String(error)} (a bug in asl-toolkit; please report it)`);
    }
  }
  dropRepeatedMachines(files.map((file) => file.loaded), cwd);
  return { files, problems, warnings };
}

/**
 * Plain file names (the pre-commit case) need no searching; the glob library is loaded only for
 * directories and patterns, which keeps a one-file run quick to start.
 */
async function expand(inputs: readonly string[], cwd: string): Promise<ExpandResult> {
  if (inputs.every((input) => input === '-' || isFile(resolve(cwd, input)))) {
    // Two names of one file (a symbolic link, ./a and a) are one input.
    const seen = new Set<string>();
    const key = (input: string): string => (input === '-' ? input : realPath(resolve(cwd, input)));
    return { files: inputs.filter((input) => !seen.has(key(input)) && seen.add(key(input))), problems: [], warnings: [] };
  }
  const { expandInputs } = await import('../source/expand.js');
  return expandInputs([...inputs], cwd);
}

/** False also when the path cannot be looked at (a folder on the way that cannot be read): expandInputs says why. */
function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}
