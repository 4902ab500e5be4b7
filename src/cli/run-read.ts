/**
 * What `asl run` reads, with caps: the definition (a file or stdin), the stub file, the mock config, the
 * items files, and the execution input, which StartExecution takes only up to 262,144 bytes. A device
 * (/dev/zero) or a pipe that never ends is refused once the cap is passed, instead of filling memory.
 */
import { systemErrorReason } from '../system-error.js';
import { resolve } from 'node:path';
import { MAX_FILE_BYTES, MAX_STREAM_BYTES } from '../source/load-text.js';
import { ReadCapExceeded, readFileCapped, readStreamCapped } from '../source/read-capped.js';
import { statSync } from 'node:fs';
import type { CommandContext } from './context.js';
import { InputError } from './errors.js';
import { MAX_DATA_NESTING, nestsDeeperThan } from '../run/nesting.js';

/** AWS's quota on an execution's input (and any state's input or output): 256 KiB of UTF-8 text. */
export const MAX_INPUT_BYTES = 262_144;

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;

/** A regular file's size is known and checked by the loader; anything else is read up to the stream cap. */
function capFor(path: string): number {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ? MAX_FILE_BYTES : MAX_STREAM_BYTES;
}

/** A definition, stub file, mock config or items file; `what` names it in messages ("the stub file"). */
export function readCappedText(ctx: Pick<CommandContext, 'cwd'>, file: string, what: string): string {
  const path = resolve(ctx.cwd, file);
  try {
    return readFileCapped(path, capFor(path));
  } catch (error) {
    if (error instanceof ReadCapExceeded) throw tooLarge(file, what, error.limit);
    throw new InputError(`cannot read ${what} ${file}: ${systemErrorReason(error)}`);
  }
}

/** The definition from stdin (`asl run -`). */
export async function readDefinitionStdin(ctx: CommandContext): Promise<string> {
  try {
    return await readStreamCapped(ctx.io.stdin, MAX_STREAM_BYTES);
  } catch (error) {
    if (error instanceof ReadCapExceeded) throw tooLarge('-', 'the definition', error.limit);
    throw error;
  }
}

function tooLarge(file: string, what: string, limit: number): InputError {
  const where = file === '-' ? 'from stdin' : file;
  return new InputError(`cannot read ${what} ${where}: it has more than ${megabytes(limit)} (reading stopped there). Is it the right file? A state machine definition is at most 1 MB on AWS.`);
}

/**
 * The text of --input-file, or an exit-2 error: unreadable, or over AWS's input quota (an endless
 * source is stopped one byte past it).
 */
export function readInputText(ctx: Pick<CommandContext, 'cwd'>, file: string): string {
  try {
    return readFileCapped(resolve(ctx.cwd, file), MAX_INPUT_BYTES);
  } catch (error) {
    if (error instanceof ReadCapExceeded) throw inputTooLarge(`the input file ${file}`, error.read, true);
    const hint = (error as NodeJS.ErrnoException)?.code === 'ENOENT' ? ' (relative paths start from the current directory); check the path, or give the input inline with --input JSON' : '';
    throw new InputError(`cannot read the input file ${file}: ${systemErrorReason(error)}${hint}.`);
  }
}

/** --input given inline: refused over the quota, as StartExecution refuses it. */
export function checkInlineInput(text: string): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_INPUT_BYTES) throw inputTooLarge('--input', bytes, false);
}

function inputTooLarge(what: string, bytes: number, stopped: boolean): InputError {
  const size = stopped ? `more than ${MAX_INPUT_BYTES.toLocaleString('en-US')} bytes` : `${bytes.toLocaleString('en-US')} bytes`;
  return new InputError(
    `${what} has ${size}; AWS Step Functions accepts an execution input of at most ${MAX_INPUT_BYTES.toLocaleString('en-US')} bytes (256 KB) of UTF-8 text. Pass a smaller input, or a reference to the data (an S3 location, say) as AWS workflows do.`,
  );
}

/** An input nested deeper than the interpreter handles is refused before the run (exit 2), not met half-way. */
export function checkInputNesting(value: unknown, what: string): unknown {
  if (nestsDeeperThan(value)) {
    throw new InputError(`${what} nests objects and arrays more than ${MAX_DATA_NESTING} levels deep, more than asl run handles; flatten it.`);
  }
  return value;
}
