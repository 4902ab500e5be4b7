/**
 * Reads a data file the tool is given beside a definition (a stub file, a mock config, an `asl test` file)
 * as JSON or YAML, keeping positions, so each problem in it can be reported at its line and column. The one
 * parse for `asl run`'s stub and mock files and `asl test`'s files; each caller words its own messages.
 */
import { makeLocate } from './locate.js';
import { detectFormat, parseText } from './parse.js';
import { LineTable } from './positions.js';

export interface Place {
  line: number;
  column: number;
}

export type DataText =
  | {
      ok: true;
      value: unknown;
      /** The value at a JSON Pointer (its nearest existing ancestor). */
      locate(pointer: string): Place;
      /** The key of the member at a JSON Pointer (for "unexpected key"), else as locate. */
      locateKey(pointer: string): Place;
    }
  /** `syntax`: the text does not parse (`message` absent when there is no value at all); `duplicate`: a repeated key. */
  | { ok: false; kind: 'syntax' | 'duplicate'; format: 'JSON' | 'YAML'; message?: string; place: Place };

export function parseDataText(text: string, file: string): DataText {
  const parsed = parseText(text, detectFormat(file, text));
  const lines = new LineTable(text);
  const format = parsed.format === 'yaml' ? 'YAML' : 'JSON';
  const syntax = parsed.problems.find((p) => p.code === 'parse-error') ?? (parsed.parsed ? undefined : parsed.problems[0]);
  if (!parsed.parsed || syntax) return { ok: false, kind: 'syntax', format, message: syntax?.message, place: lines.position(syntax?.offset ?? 0) };
  const duplicate = parsed.problems[0];
  if (duplicate) return { ok: false, kind: 'duplicate', format, message: duplicate.message, place: lines.position(duplicate.offset) };
  const locateValue = makeLocate(parsed.spanOf, '', (start, end) => lines.range(start, end));
  const locate = (pointer: string): Place => {
    const p = locateValue(pointer);
    return { line: p.line, column: p.column };
  };
  const locateKey = (pointer: string): Place => {
    const keyStart = parsed.spanOf(pointer)?.keyStart;
    return keyStart === undefined ? locate(pointer) : lines.position(keyStart);
  };
  return { ok: true, value: parsed.value, locate, locateKey };
}
