/**
 * Reads a YAML or JSON file of the suite (a test file, a stub file, a mock config, an input file) keeping
 * positions, so that every problem in it can be told as file:line:column.
 */
import { MAX_STREAM_BYTES } from '../source/load-text.js';
import { ReadCapExceeded, readFileCapped } from '../source/read-capped.js';
import { reasonOf } from '../source/load-file.js';
import { parseDataText } from '../source/data-text.js';
import type { Place } from './types.js';

export interface DataFile {
  /** The path as the suite names it. */
  file: string;
  value: unknown;
  /** Line and column of the value at a JSON Pointer (its nearest existing ancestor). */
  locate(pointer: string): Place;
  /** Line and column of the key of the member at a JSON Pointer (for "unexpected key"), else as locate. */
  locateKey(pointer: string): Place;
}

/** A problem with a file of the suite: the message names the file and, when known, the place. */
export class SuiteFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly place?: Place,
  ) {
    super(place ? `${file}:${place.line}:${place.column}: ${message}` : `${file}: ${message}`);
    this.name = 'SuiteFileError';
  }

  /** The message without the file and place, for reports that show those apart. */
  get detail(): string {
    const prefix = this.place ? `${this.file}:${this.place.line}:${this.place.column}: ` : `${this.file}: `;
    return this.message.slice(prefix.length);
  }
}

/** `absolute` is read; `shown` names it in messages. */
export async function readDataFile(absolute: string, shown: string, what: string): Promise<DataFile> {
  let text: string;
  try {
    // Capped, as asl run reads its stub files: a device or an endless pipe named as a file is refused.
    text = readFileCapped(absolute, MAX_STREAM_BYTES);
  } catch (error) {
    if (error instanceof ReadCapExceeded) throw new SuiteFileError(shown, `cannot read ${what}: it has more than ${error.limit / (1024 * 1024)} MB (reading stopped there)`);
    throw new SuiteFileError(shown, `cannot read ${what}: ${reasonOf(error)}`);
  }
  const data = parseDataText(text, absolute);
  if (!data.ok) {
    if (data.kind === 'duplicate') throw new SuiteFileError(shown, data.message!, data.place);
    throw new SuiteFileError(shown, `${what} does not parse as ${data.format}: ${data.message ?? 'it is empty'}`, data.place);
  }
  return { file: shown, value: data.value, locate: data.locate, locateKey: data.locateKey };
}
