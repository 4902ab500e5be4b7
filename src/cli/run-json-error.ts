/**
 * Where and why a JSON text the user gave (`--input`, `--input-file`, `--variables`, `--context`) is not
 * valid JSON, in one line. Node 20's JSON.parse messages do not always give the spot and quote a stretch of
 * the text, line breaks included; jsonc-parser finds the first error, and this module words it. It is loaded
 * only after JSON.parse has failed, so a good input never pays for it.
 */
import type * as Jsonc from 'jsonc-parser';
import { jsonc } from '../source/json.js';
import { LineTable } from '../source/positions.js';


export interface JsonSyntaxError {
  /** 0-based offset of the mistake (past the end when the text stops too early). */
  offset: number;
  /** 1-based. */
  line: number;
  column: number;
  /** What is wrong there, e.g. `unexpected "tru" (strings need double quotes; …)`. */
  message: string;
}

/** The first mistake in a JSON text, or undefined when it is valid JSON. */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const errors: Jsonc.ParseError[] = [];
  jsonc().parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return undefined;
  const code = jsonc().printParseErrorCode(first.error);
  const { offset, message } = STRING_ERRORS.has(code)
    ? stringProblem(text, first.offset)
    : { offset: first.offset, message: code === 'EndOfFileExpected' ? 'unexpected text after the JSON value (the input must be a single JSON value)' : describeAt(text, first.offset) };
  return { offset, ...new LineTable(text).position(offset), message };
}

/** "line 1, column 6 (position 5)". */
export function describePlace(error: JsonSyntaxError): string {
  return `line ${error.line}, column ${error.column} (position ${error.offset})`;
}

/** jsonc-parser reports these at the start of the string token; the mistake itself is somewhere inside. */
const STRING_ERRORS = new Set(['UnexpectedEndOfString', 'InvalidEscapeCharacter', 'InvalidCharacter', 'InvalidUnicode']);

/** The first bad character of the string token starting at `start` (its opening quote). */
function stringProblem(text: string, start: number): { offset: number; message: string } {
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') break;
    if (text.charCodeAt(i) < 0x20) return { offset: i, message: describeAt(text, i) };
    if (ch !== '\\') continue;
    const escape = text[i + 1];
    if (escape !== undefined && '"\\/bfnrt'.includes(escape)) i++;
    else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 5;
    else return { offset: i, message: `invalid escape ${JSON.stringify(text.slice(i, i + 2))} in a string (JSON allows \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write \\\\ for a backslash)` };
  }
  return { offset: text.length, message: describeAt(text, text.length) };
}

function describeAt(text: string, offset: number): string {
  if (offset >= text.length) return text.trim() === '' ? 'there is no JSON value (the text is empty)' : 'the JSON ends too early (is a closing bracket, brace or quote missing?)';
  const ch = text[offset]!;
  if (ch === '\n' || ch === '\r') return 'unexpected line break (is a string missing its closing quote?)';
  if (text.charCodeAt(offset) < 0x20) return `unexpected control character ${JSON.stringify(ch)}`;
  const word = /^[A-Za-z0-9_.+-]+/.exec(text.slice(offset))?.[0];
  if (word) return `unexpected ${JSON.stringify(word.slice(0, 20))}${/^[A-Za-z_]/.test(word) ? ' (strings need double quotes; the literals are true, false and null)' : ''}`;
  if (ch === "'") return "unexpected ' (JSON strings use double quotes)";
  return `unexpected ${JSON.stringify(ch)}`;
}
