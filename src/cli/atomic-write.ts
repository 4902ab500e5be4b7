/**
 * Writes an output file so that it is either the old file or the complete new one, never half of each: the
 * text goes to a temporary file in the same folder (so the rename cannot cross file systems), which then
 * replaces the target in one rename. A failed write removes the temporary file. A process killed in the
 * middle (SIGKILL, or Ctrl-C during the write) can leave the temporary file behind, but never a truncated report.
 */
import { mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { systemErrorReason } from '../system-error.js';
import { InputError, UsageError } from './errors.js';

export interface WriteOptions {
  /** Create missing folders on the way (validate and lint do; graph writes one file and creates nothing else). */
  createFolders?: boolean;
  /** What is written, for the message: "the report", "the diagram". */
  what: string;
}

export function writeFileAtomically(cwd: string, output: string, text: string, options: WriteOptions): void {
  // `-o ""` (an unset shell variable) would name the working directory.
  if (output.trim() === '') throw new UsageError(`--output names no file; give the file to write ${options.what} to, such as --output report.txt`);
  const named = resolve(cwd, output);
  try {
    const existing = statSync(named, { throwIfNoEntry: false });
    // /dev/null, /dev/stdout (which can lead to the file the shell redirected stdout to), a named pipe:
    // written to as they are. Renaming a file over one would replace the device, or swap the shell's file
    // for another, and there is no half-written file to protect.
    if ((existing && !existing.isFile() && !existing.isDirectory()) || /^\/(dev|proc)\//.test(named)) {
      writeFileSync(named, text);
      return;
    }
    if (options.createFolders) mkdirSync(dirname(named), { recursive: true });
    replace(followLink(named), text, existing !== undefined);
  } catch (error) {
    throw new InputError(`cannot write ${options.what} to ${output}: ${systemErrorReason(error, { writing: true })}`);
  }
}

function replace(target: string, text: string, exists: boolean): void {
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A folder that takes no new files (shared, read-only but for this one file): the file itself is
    // written in place, as it would have been before, rather than not at all.
    if (exists && (code === 'EACCES' || code === 'EPERM')) return writeFileSync(target, text);
    throw error;
  }
  try {
    renameSync(temporary, target);
  } catch (error) {
    removeQuietly(temporary);
    throw error;
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

/** The temporary file, if it was made. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing was created there.
  }
}
