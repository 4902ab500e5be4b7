/**
 * The reader behind parseCall (`intrinsics.ts`, where the grammar is written out): a cursor over one
 * intrinsic call's text that reads the call, its arguments and their nested calls in one pass, and throws
 * IntrinsicSyntaxError at the first problem.
 */

import type { IntrinsicArg, IntrinsicCall } from './intrinsic-tree.js';

/** A syntax error in an intrinsic call, with the 0-based offset where it was found. */
export class IntrinsicSyntaxError extends SyntaxError {
  constructor(
    readonly reason: string,
    readonly offset: number,
    readonly text: string,
  ) {
    super(`${reason} at offset ${offset} in ${text}`);
    this.name = 'IntrinsicSyntaxError';
  }
}

const NAME = /[A-Za-z][A-Za-z0-9_.]*/y;
const LITERAL = /(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)(?![A-Za-z0-9_.$])/y;

// Reading nested calls by recursion keeps the grammar plain; depth is bounded instead (AWS allows 10
// levels; far deeper input is refused before it can exhaust the stack).
const MAX_DEPTH = 200;
const WHITESPACE = /\s/;
const LETTER = /[A-Za-z]/;

/** A cursor over one call's text: each read method starts at `pos` and leaves it after what it read. */
export class CallReader {
  pos = 0;

  constructor(readonly text: string) {}

  /** Throws an IntrinsicSyntaxError for `reason` at `at` (by default, the current position). */
  fail(reason: string, at = this.pos): never {
    throw new IntrinsicSyntaxError(reason, at, this.text);
  }

  /** Skips whitespace at the current position. */
  skipSpaces(): void {
    const text = this.text;
    let i = this.pos;
    while (i < text.length && WHITESPACE.test(text[i]!)) i++;
    this.pos = i;
  }

  /** The character at the current position, quoted for a message, or "the end of the text". */
  describeHere(): string {
    return this.pos >= this.text.length ? 'the end of the text' : `"${this.text[this.pos]}"`;
  }

  /** Reads a call `Name( … )`, nested `depth` calls deep (0 for the outermost). */
  readCall(depth: number): IntrinsicCall {
    if (depth > MAX_DEPTH) this.fail(`calls are nested more than ${MAX_DEPTH} levels deep`);
    const start = this.pos;
    const name = this.readName();
    this.skipSpaces();
    if (this.text[this.pos] !== '(') this.fail(`expected "(" after ${name}, found ${this.describeHere()}`);
    this.pos++;
    const args = this.readArguments(name, depth);
    return { name, args, start, end: this.pos };
  }

  /** Reads a function name such as States.Format. */
  private readName(): string {
    NAME.lastIndex = this.pos;
    const match = NAME.exec(this.text);
    if (!match) return this.fail(`expected a function name such as States.Format, found ${this.describeHere()}`);
    this.pos += match[0].length;
    return match[0];
  }

  /** Reads the arguments of the call `name` after its "(", up to and including the ")". */
  private readArguments(name: string, depth: number): IntrinsicArg[] {
    const args: IntrinsicArg[] = [];
    this.skipSpaces();
    if (this.text[this.pos] === ')') {
      this.pos++;
      return args;
    }
    for (;;) {
      this.skipSpaces();
      args.push(this.readArgument(depth));
      this.skipSpaces();
      if (this.text[this.pos] === ',') {
        this.pos++;
        continue;
      }
      if (this.text[this.pos] === ')') {
        this.pos++;
        return args;
      }
      if (this.pos >= this.text.length) this.fail(`missing ")" to close ${name}(`);
      this.fail(`expected "," or ")" after an argument of ${name}, found ${this.describeHere()}`);
    }
  }

  /** Reads one argument of a call `depth` deep: a 'string', a path, a number, true, false, null or a call. */
  private readArgument(depth: number): IntrinsicArg {
    const start = this.pos;
    const ch = this.text[start];
    if (ch === undefined) return this.fail('expected an argument, found the end of the text');
    if (ch === "'") return this.readString(start);
    if (ch === '"') this.fail(`strings in intrinsic calls are written in single quotes ('…'), not double quotes`);
    if (ch === '$') return this.readPath(start);
    const literal = this.readLiteral(start);
    if (literal) return literal;
    if (LETTER.test(ch)) {
      const call = this.readCall(depth + 1);
      return { kind: 'call', call, start, end: this.pos };
    }
    return this.fail(`expected an argument (a 'string', a number, true, false, null, a path or a call), found ${this.describeHere()}`);
  }

  /** Reads a 'string' at `start` (its quote), unescaping all but \{ and \}. */
  private readString(start: number): IntrinsicArg {
    const text = this.text;
    let value = '';
    let i = start + 1;
    // Characters are added a run at a time, from `run` up to the next escape or the closing quote.
    let run = i;
    while (i < text.length && text[i] !== "'") {
      if (text[i] !== '\\') {
        i++;
        continue;
      }
      const next = text[i + 1];
      if (next === undefined) break;
      if (next === '"') {
        this.fail('\\" is not an escape Step Functions accepts in intrinsic strings: a double quote needs no backslash there (only \\\' \\{ \\} and \\\\ are escapes)', i);
      }
      value += text.slice(run, i) + (next === '{' || next === '}' ? `\\${next}` : next);
      i += 2;
      run = i;
    }
    if (text[i] !== "'") this.fail("unterminated string: add the closing '", start);
    value += text.slice(run, i);
    this.pos = i + 1;
    return { kind: 'string', value, start, end: this.pos };
  }

  /** Reads a path at `start` (its "$") up to the next "," or ")" outside brackets, parentheses and quotes. */
  private readPath(start: number): IntrinsicArg {
    const text = this.text;
    let bracket = 0;
    let paren = 0;
    let quote: string | undefined;
    let i = start;
    while (i < text.length) {
      const c = text[i]!;
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = undefined;
      } else if (c === "'" || c === '"') quote = c;
      else if (c === '[') bracket++;
      else if (c === ']') bracket--;
      else if (c === '(') paren++;
      else if (c === ')') {
        if (paren === 0 && bracket <= 0) break;
        paren--;
      } else if (c === ',' && bracket <= 0 && paren === 0) break;
      i++;
    }
    this.pos = i;
    const path = text.slice(start, i).trimEnd();
    return { kind: 'path', path, start, end: start + path.length };
  }

  /** Reads a number, true, false or null at `start`, if one is there (and leaves the position alone if not). */
  private readLiteral(start: number): IntrinsicArg | undefined {
    LITERAL.lastIndex = start;
    const literal = LITERAL.exec(this.text);
    if (!literal) return undefined;
    const word = literal[0];
    const end = start + word.length;
    this.pos = end;
    if (word === 'true' || word === 'false') return { kind: 'boolean', value: word === 'true', start, end };
    if (word === 'null') return { kind: 'null', start, end };
    return { kind: 'number', value: Number(word), start, end };
  }
}
