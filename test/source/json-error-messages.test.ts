// Every jsonc-parser error code gets its own words, found by the error's name, and a broken file reads the
// message for the mistake it has, at the place it has it.
import { createRequire } from 'node:module';
import type * as Jsonc from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { describeParseError, knownParseErrors } from '../../src/source/json-errors.js';
import { loadText } from '../../src/source/index.js';

const jsonc = createRequire(import.meta.url)('jsonc-parser') as typeof Jsonc;

/** One text per error, each a mistake that triggers it first; `^` marks where it is reported. */
const cases: Array<[name: string, text: string, message: RegExp]> = [
  ['InvalidSymbol', '{"StartAt": ^x}', /unexpected x: put strings and property names in double quotes/],
  ['PropertyNameExpected', '{"StartAt": "A", ^2: 3}', /expected a property name/],
  ['ValueExpected', '{"StartAt": ^}', /expected a value$/],
  ['ColonExpected', '{"StartAt" ^"A"}', /expected ":" after the property name/],
  ['CommaExpected', '{"StartAt": "A" ^"States": {}}', /expected "," or "}"$/],
  ['CommaExpected', '{"StartAt": "A", "States": {}, "Comment": [1 ^2]}', /expected "," or "]"$/],
  ['CloseBraceExpected', '{"StartAt": "A", "States": {}^', /expected "}": an object is not closed/],
  ['CloseBracketExpected', '{"StartAt": "A", "States": {}, "Comment": [1, 2^', /expected "]": an array is not closed/],
  ['EndOfFileExpected', '{"StartAt": "A", "States": {}} ^{}', /expected the end of the file/],
  ['InvalidCommentToken', '{"StartAt": "A", ^// no\n "States": {}}', /comments are not allowed in JSON/],
  ['UnexpectedEndOfString', '{"StartAt": ^"A,\n "States": {}}', /end of string/],
  ['UnexpectedEndOfNumber', '{"StartAt": "A", "States": {}, "TimeoutSeconds": ^1.}', /unexpected end of number/],
  ['InvalidUnicode', '{"StartAt": ^"\\u12", "States": {}}', /invalid Unicode escape/],
  ['InvalidEscapeCharacter', '{"StartAt": ^"\\q", "States": {}}', /invalid escape character/],
  ['InvalidCharacter', '{"StartAt": ^"a\tb", "States": {}}', /invalid character in string/],
];

describe('JSON syntax error messages', () => {
  it('knows every error jsonc-parser can report, by name', () => {
    const names: string[] = [];
    for (let code = 1; ; code++) {
      const name = jsonc.printParseErrorCode(code as Jsonc.ParseErrorCode);
      if (name === '<unknown ParseErrorCode>') break;
      names.push(name);
    }
    expect(names.length).toBeGreaterThanOrEqual(16);
    expect([...knownParseErrors].sort()).toEqual([...names].sort());
    for (const name of names) expect(describeParseError(name)).not.toBe('syntax error');
  });

  it.each(cases)('%s: the right words at the right column', (name, marked, message) => {
    const offset = marked.indexOf('^');
    const text = marked.replace('^', '');
    const reported: string[] = [];
    jsonc.visit(text, { onError: (error) => reported.push(jsonc.printParseErrorCode(error)) });
    // The sample triggers this very code first (comments are refused only when disallowed).
    if (name !== 'InvalidCommentToken') expect(reported[0]).toBe(name);
    const loaded = loadText(text, 'broken.asl.json');
    expect(loaded.diagnostics).toHaveLength(1);
    expect(loaded.diagnostics[0]).toMatchObject({ code: 'parse-error', line: 1, column: offset + 1 });
    expect(loaded.diagnostics[0]!.message).toMatch(message);
  });

  it('words the number error the scanner never hands over (Number() refusing a scanned number)', () => {
    expect(describeParseError('InvalidNumberFormat')).toMatch(/invalid number/);
  });

  it('says "end of string" for an unterminated string and "}" for a missing brace, not the neighbouring codes', () => {
    const unterminated = loadText('{\n  "StartAt": "A,\n  "States": {}\n}', 'a.asl.json').diagnostics[0]!;
    expect(unterminated.message).toBe('Invalid JSON: unexpected end of string (missing closing quote)');
    const unclosed = loadText('{\n  "StartAt": "A",\n  "States": {"A": {"Type": "Succeed"}}\n', 'a.asl.json').diagnostics[0]!;
    expect(unclosed.message).toBe('Invalid JSON: expected "}": an object is not closed');
  });
});
