/** Reading one named file from disk; bad paths become a SourceInputError the CLI maps to exit 2. */
import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { loadText, MAX_FILE_BYTES, MAX_STREAM_BYTES, tooLargeFile } from './load-text.js';
import { ReadCapExceeded, readFileCapped } from './read-capped.js';
import type { LoadedFile } from './types.js';
import { systemErrorReason } from '../system-error.js';

/** The path itself is the problem (missing, a directory, unreadable), not the file's content. */
export class SourceInputError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot read ${path}: ${reason}`);
    this.name = 'SourceInputError';
  }
}

export async function loadFile(path: string, options: { cwd?: string } = {}): Promise<LoadedFile> {
  const absolute = resolve(options.cwd ?? '.', path);
  let text: string;
  try {
    const info = await stat(absolute);
    if (info.isDirectory()) throw new SourceInputError(path, 'it is a directory; name a file, or pass the directory to expandInputs to search it');
    if (!info.isFile() && !info.isFIFO()) throw new SourceInputError(path, 'it is not a regular file (a device or a socket)');
    // Far over the loader's limits: refused from its size, never read into memory.
    if (info.size > MAX_FILE_BYTES) return tooLargeFile(path, info.size);
    // A named pipe has no size to check: its reading is capped instead.
    text = info.isFile() ? await readFile(absolute, 'utf8') : readFileCapped(absolute, MAX_STREAM_BYTES);
  } catch (error) {
    if (error instanceof ReadCapExceeded) return tooLargeFile(path, error.read, true);
    if (error instanceof SourceInputError) throw error;
    throw new SourceInputError(path, reasonOf(error));
  }
  return loadText(text, path, { baseDir: dirname(absolute) });
}

/** Why a read failed, in plain words (the one errno table, src/system-error.ts). */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // Where a path through a file or a link loop was named, say so in the words a search report uses.
  if (code === 'ENOTDIR') return 'no such file or directory (a part of the path is a file, not a directory)';
  if (code === 'ELOOP') return 'too many levels of symbolic links (a link that points back at itself)';
  return systemErrorReason(error);
}
