/**
 * Turns command-line inputs (files, directories, globs, "-") into loaded files, keeping each file's
 * text so the stylish format can quote the offending line. Problems with the inputs themselves
 * (missing paths, globs matching nothing, unreadable files) are collected, not thrown: the other
 * inputs are still checked, and the command exits 2.
 */
import { dirname, resolve } from 'node:path';
import { statSync } from 'node:fs';
import type { LoadedFile } from '../source/types.js';
import { loadText, MAX_FILE_BYTES, MAX_STREAM_BYTES, tooLargeFile } from '../source/load-text.js';
import { readFileCapped, readStreamCapped, ReadCapExceeded } from '../source/read-capped.js';
import { reasonOf } from '../source/load-file.js';

export interface ReadInput {
  loaded: LoadedFile;
  text: string;
}

export interface ReadInputsResult {
  files: ReadInput[];
  /** One line each, ready to print. */
  problems: string[];
}

export async function readInputs(
  inputs: readonly string[],
  cwd: string,
  stdin: NodeJS.ReadableStream,
): Promise<ReadInputsResult> {
  const { files: paths, problems } = await expand(inputs, cwd);
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
  dropDefinitionsTemplatesLoad(files, cwd);
  return { files, problems };
}

/**
 * A definition file that a template among the inputs also names (SAM's `DefinitionUri`, next to it in
 * the same folder) would be checked, and its findings reported, twice. The template's copy is kept:
 * it knows the machine's logical id and workflow type. The file's own file-level findings stay.
 */
function dropDefinitionsTemplatesLoad(files: ReadInput[], cwd: string): void {
  const viaTemplate = new Set<string>();
  for (const { loaded } of files) {
    for (const machine of loaded.machines) if (machine.file !== loaded.file) viaTemplate.add(resolve(cwd, machine.file));
  }
  if (viaTemplate.size === 0) return;
  for (const { loaded } of files) {
    if (loaded.file === '-' || !viaTemplate.has(resolve(cwd, loaded.file))) continue;
    loaded.machines = loaded.machines.filter((machine) => machine.file !== loaded.file);
  }
}

/**
 * Plain file names (the pre-commit case) need no searching; the glob library is loaded only for
 * directories and patterns, which keeps a one-file run quick to start.
 */
async function expand(inputs: readonly string[], cwd: string): Promise<{ files: string[]; problems: string[] }> {
  if (inputs.every((input) => input === '-' || isFile(resolve(cwd, input)))) {
    const seen = new Set<string>();
    return { files: inputs.filter((input) => !seen.has(resolve(cwd, input)) && seen.add(resolve(cwd, input))), problems: [] };
  }
  const { expandInputs } = await import('../source/expand.js');
  return expandInputs([...inputs], cwd);
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}
