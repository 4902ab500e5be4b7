/**
 * Writes an output file so that it is either the old file or the complete new one, never half of each: the
 * text goes to a temporary file in the same folder (so the rename cannot cross file systems), which then
 * replaces the target in one rename. A failed write removes the temporary file. A process killed in the
 * middle (SIGKILL, or Ctrl-C during the write) can leave the temporary file behind, but never a truncated report.
 */
import { mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { systemErrorReason } from '../system-error.js';
import { InputError } from './errors.js';

export interface WriteOptions {
  /** Create missing folders on the way (validate and lint do; graph writes one file and creates nothing else). */
  createFolders?: boolean;
  /** What is written, for the message: "the report", "the diagram". */
  what: string;
}

export function writeFileAtomically(cwd: string, output: string, text: string, options: WriteOptions): void {
  const target = followLink(resolve(cwd, output));
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    if (options.createFolders) mkdirSync(dirname(target), { recursive: true });
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, target);
  } catch (error) {
    removeQuietly(temporary);
    throw new InputError(`cannot write ${options.what} to ${output}: ${systemErrorReason(error, { writing: true })}`);
  }
}

/**
 * An existing symbolic link is written through, as a plain write would: the file it points to gets the new
 * text and the link stays. Anything else (no such file yet, a dangling link) is written where it was named.
 */
function followLink(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The temporary file, if it was made; a path that cannot even be looked at (ENOTDIR) had none. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing was created there.
  }
}
