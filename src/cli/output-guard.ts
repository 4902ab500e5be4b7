/**
 * `--output` must never name one of the command's own inputs: `asl validate x.asl.json -o x.asl.json` would
 * replace the definition with the report. Files are compared by identity (device and inode), not by name, so
 * `./x`, an absolute path, a symbolic link and a hard link to an input are all caught. Every command that
 * writes a file asks this module first, with every file it read.
 */
import { statSync, type BigIntStats } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from './errors.js';

export interface InputFile {
  /** As the user named it (or as a directory or glob expanded to it), relative to the working directory. */
  path: string;
  /** What it is to the command, for the message: "the definition", "the lint config" … */
  role: string;
}

/** Who named the output, for the message: the --output flag, or a definition's ResultWriter. */
export interface OutputNamedBy {
  name(output: string): string;
  fix: string;
}

const BY_OUTPUT_FLAG: OutputNamedBy = { name: (output) => `--output ${output}`, fix: 'Name another file for --output.' };

/**
 * Throws a UsageError (exit 2) when `output` is the same file as one of `inputs`. An output that does not
 * exist yet cannot be an input; inputs that do not exist (a config looked for but absent) are skipped.
 */
export function refuseInputAsOutput(cwd: string, output: string, inputs: Iterable<InputFile>, what: string, by: OutputNamedBy = BY_OUTPUT_FLAG): void {
  const target = statOf(resolve(cwd, output));
  if (!target) return;
  const seen = new Set<string>();
  for (const input of inputs) {
    if (input.path === '-') continue;
    const absolute = resolve(cwd, input.path);
    if (seen.has(absolute)) continue;
    seen.add(absolute);
    const info = statOf(absolute);
    if (!info || info.dev !== target.dev || info.ino !== target.ino) continue;
    const sameName = absolute === resolve(cwd, output);
    const which = sameName ? `is ${input.role} ${input.path}` : `is the same file as ${input.role} ${input.path} (a link to it, or another name for it)`;
    throw new UsageError(`${by.name(output)} ${which}: writing the ${what} there would replace it. ${by.fix}`);
  }
}

/** Follows symbolic links, as a write would; bigint because inode numbers can exceed 2^53 on some file systems. */
function statOf(path: string): BigIntStats | undefined {
  try {
    return statSync(path, { bigint: true, throwIfNoEntry: false });
  } catch {
    // A path we cannot even stat (a permission problem on a folder) is for the write itself to report.
    return undefined;
  }
}
