/**
 * Words for jsonc-parser's syntax errors. The table is keyed by the error's name
 * (`printParseErrorCode`), never by its number: jsonc-parser's codes are a `const enum` whose numbers
 * are not ours to assume, and a table laid out by position once drifted by one.
 */
import type * as Jsonc from 'jsonc-parser';

type ErrorName = Exclude<ReturnType<typeof Jsonc.printParseErrorCode>, '<unknown ParseErrorCode>'>;

const errorMessages: Record<ErrorName, string> = {
  InvalidSymbol: 'invalid symbol',
  InvalidNumberFormat: 'invalid number (JSON numbers have no leading zeros, no "+" sign, and digits after a decimal point)',
  PropertyNameExpected: 'expected a property name (a string in double quotes)',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":" after the property name',
  CommaExpected: 'expected "," between two members or items (or the closing bracket)',
  CloseBraceExpected: 'expected "}": an object is not closed',
  CloseBracketExpected: 'expected "]": an array is not closed',
  EndOfFileExpected: 'expected the end of the file after the top-level value (remove what follows it)',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'unexpected end of comment (missing "*/")',
  UnexpectedEndOfString: 'unexpected end of string (missing closing quote)',
  UnexpectedEndOfNumber: 'unexpected end of number (digits must follow "-", "." and "e")',
  InvalidUnicode: 'invalid Unicode escape sequence (\\u takes four hexadecimal digits)',
  InvalidEscapeCharacter: 'invalid escape character in string (JSON knows \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u)',
  InvalidCharacter: 'invalid character in string (control characters such as a line break must be escaped)',
};

/** The words for one error, by its name as jsonc-parser prints it. */
export function describeParseError(name: string): string {
  return (errorMessages as Record<string, string>)[name] ?? 'syntax error';
}

/** Every error name the table knows (for tests). */
export const knownParseErrors = Object.keys(errorMessages) as ErrorName[];

/** `inArray`: the error is met inside an array, so a missing comma is followed by "]" rather than "}". */
export function syntaxMessage(name: string, text: string, offset: number, tolerant: boolean, inArray = false): string {
  if (!tolerant) {
    // The two JSON5 habits people bring to .json files get a message of their own.
    if (text.startsWith('//', offset) || text.startsWith('/*', offset)) return 'Invalid JSON: comments are not allowed in JSON (remove them, or name the file *.json5)';
    if (isTrailingComma(text, offset)) return `Invalid JSON: trailing comma before "${text[offset]}" (remove the comma)`;
  }
  if (name === 'InvalidSymbol') return `Invalid JSON: ${unexpectedSymbol(text, offset)}`;
  if (name === 'CommaExpected') return `Invalid JSON: expected "," or "${inArray ? ']' : '}'}"`;
  return `Invalid JSON: ${describeParseError(name)}`;
}

/** True when the error at `offset` is a closing bracket right after a comma. */
export function isTrailingComma(text: string, offset: number): boolean {
  return (text[offset] === '}' || text[offset] === ']') && /,\s*$/.test(text.slice(Math.max(0, offset - 200), offset));
}

/** jsonc-parser's "invalid symbol", said with the text it stopped at and the likely fix. */
function unexpectedSymbol(text: string, offset: number): string {
  const placeholder = /^[$#]\{[^\s,"}]{0,30}/.exec(text.slice(offset, offset + 32))?.[0];
  if (placeholder) return `unexpected ${placeholder}: a placeholder that is never closed (add "}" on its line)`;
  const token = /^[^\s,:{}[\]"]{1,30}/.exec(text.slice(offset, offset + 30))?.[0] ?? text.charAt(offset);
  if (token.startsWith("'")) return `unexpected ${token}: JSON strings and property names take double quotes, not single quotes`;
  if (/^[A-Za-z_$]/.test(token)) {
    return `unexpected ${token}: put strings and property names in double quotes (true, false and null are the only bare words JSON knows)`;
  }
  return `unexpected ${JSON.stringify(token)}; remove it, or put the value in double quotes`;
}
