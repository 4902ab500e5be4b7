/**
 * Intrinsic function calls of JSONPath states (`States.Format('{} items', $.count)` …): the one parser,
 * shared by the validator (syntax, names, arity, argument kinds) and the interpreter (evaluation),
 * and the table of the 18 functions Step Functions provides.
 *
 * Grammar (Amazon States Language, "Intrinsic functions"):
 *   call     = name "(" [ argument *( "," argument ) ] ")"
 *   argument = string | number | "true" | "false" | "null" | path | call
 *   string   = "'" *( char | "\'" | "\{" | "\}" | "\\" ) "'"
 *              ; Step Functions rejects \" (a double quote needs no escape); any other backslash
 *              ; keeps the character after it
 *   path     = "$" … up to the next "," or ")" outside brackets, parentheses and quotes
 * Whitespace is allowed between tokens. Every node keeps its offsets into the text for messages.
 */

interface Span {
  /** 0-based offset of the first character in the call text. */
  start: number;
  /** 0-based offset just after the last character. */
  end: number;
}

export type IntrinsicArg =
  | ({ kind: 'string'; /** Unescaped, except that `\{` and `\}` stay escaped so States.Format can tell them from placeholders. */ value: string } & Span)
  | ({ kind: 'number'; value: number } & Span)
  | ({ kind: 'boolean'; value: boolean } & Span)
  | ({ kind: 'null' } & Span)
  | ({ kind: 'path'; path: string } & Span)
  | ({ kind: 'call'; call: IntrinsicCall } & Span);

export interface IntrinsicCall extends Span {
  name: string;
  args: IntrinsicArg[];
}

export type IntrinsicParse = { ok: true; call: IntrinsicCall } | { ok: false; message: string; /** 0-based offset of the problem */ offset: number };

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

/** An intrinsic call's start (`Name(` at the very start of the text), which is how AWS tells calls from paths. */
export const INTRINSIC_CALL_START = /^[A-Za-z][A-Za-z0-9_.]*\s*\(/;

/** True when a string is written as an intrinsic call. */
export function looksLikeIntrinsic(value: unknown): value is string {
  return typeof value === 'string' && INTRINSIC_CALL_START.test(value);
}

// Reading nested calls by recursion keeps the grammar plain; depth is bounded instead (AWS allows 10
// levels; far deeper input is refused before it can exhaust the stack).
const MAX_DEPTH = 200;
const WHITESPACE = /\s/;
const LETTER = /[A-Za-z]/;

/** A cursor over one call's text: each read method starts at `pos` and leaves it after what it read. */
class CallReader {
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
    while (i < text.length && text[i] !== "'") {
      if (text[i] === '\\') {
        const next = text[i + 1];
        if (next === undefined) break;
        if (next === '"') {
          this.fail('\\" is not an escape Step Functions accepts in intrinsic strings: a double quote needs no backslash there (only \\\' \\{ \\} and \\\\ are escapes)', i);
        }
        value += next === '{' || next === '}' ? `\\${next}` : next;
        i += 2;
      } else {
        value += text[i++];
      }
    }
    if (text[i] !== "'") this.fail("unterminated string: add the closing '", start);
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

/** Parses one call; throws IntrinsicSyntaxError. Surrounding whitespace is allowed. */
export function parseCall(text: string): IntrinsicCall {
  const reader = new CallReader(text);
  reader.skipSpaces();
  const call = reader.readCall(0);
  reader.skipSpaces();
  if (reader.pos !== text.length) reader.fail(`unexpected ${reader.describeHere()} after the end of the call`);
  return call;
}

/** Parses one call without throwing. */
export function parseIntrinsic(text: string): IntrinsicParse {
  try {
    return { ok: true, call: parseCall(text) };
  } catch (error) {
    if (error instanceof IntrinsicSyntaxError) return { ok: false, message: error.reason, offset: error.offset };
    throw error;
  }
}

/** What an argument must be, when it can be known before the execution. */
export type ArgKind = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'any';

export interface IntrinsicSignature {
  /** Fewest and most arguments (Infinity for no upper bound). */
  min: number;
  max: number;
  /** Kind of each argument by position; the last entry repeats for variadic functions. */
  params: ArgKind[];
  /** Kind of value the call returns. */
  returns: ArgKind;
}

/**
 * The 18 intrinsic functions of Step Functions and their signatures. Where the developer guide says a
 * non-integer is rounded off to the nearest integer (ArrayPartition's chunk size, ArrayRange, MathRandom,
 * MathAdd) the parameter is a "number": 2.5 works there, so it is no mistake to report.
 */
export const INTRINSIC_FUNCTIONS: Readonly<Record<string, IntrinsicSignature>> = {
  'States.Format': { min: 1, max: Infinity, params: ['string', 'any'], returns: 'string' },
  'States.StringToJson': { min: 1, max: 1, params: ['string'], returns: 'any' },
  'States.JsonToString': { min: 1, max: 1, params: ['any'], returns: 'string' },
  'States.Array': { min: 0, max: Infinity, params: ['any'], returns: 'array' },
  'States.ArrayPartition': { min: 2, max: 2, params: ['array', 'number'], returns: 'array' },
  'States.ArrayContains': { min: 2, max: 2, params: ['array', 'any'], returns: 'boolean' },
  'States.ArrayRange': { min: 3, max: 3, params: ['number', 'number', 'number'], returns: 'array' },
  'States.ArrayGetItem': { min: 2, max: 2, params: ['array', 'integer'], returns: 'any' },
  'States.ArrayLength': { min: 1, max: 1, params: ['array'], returns: 'integer' },
  'States.ArrayUnique': { min: 1, max: 1, params: ['array'], returns: 'array' },
  'States.Base64Encode': { min: 1, max: 1, params: ['string'], returns: 'string' },
  'States.Base64Decode': { min: 1, max: 1, params: ['string'], returns: 'string' },
  'States.Hash': { min: 2, max: 2, params: ['any', 'string'], returns: 'string' },
  'States.JsonMerge': { min: 3, max: 3, params: ['object', 'object', 'boolean'], returns: 'object' },
  'States.MathRandom': { min: 2, max: 3, params: ['number', 'number', 'number'], returns: 'integer' },
  'States.MathAdd': { min: 2, max: 2, params: ['number', 'number'], returns: 'number' },
  'States.StringSplit': { min: 2, max: 2, params: ['string', 'string'], returns: 'array' },
  'States.UUID': { min: 0, max: 0, params: [], returns: 'string' },
};

/** Algorithms States.Hash accepts. */
export const HASH_ALGORITHMS = ['MD5', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'] as const;

/** AWS allows at most this many intrinsic calls nested in one field. */
export const MAX_INTRINSIC_NESTING = 10;

/** The kind expected for argument `index` of a function, or 'any'. */
export function parameterKind(signature: IntrinsicSignature, index: number): ArgKind {
  if (signature.params.length === 0) return 'any';
  return signature.params[Math.min(index, signature.params.length - 1)]!;
}

/** Every call in a tree (the call itself first), each with its nesting depth (1 for the outermost). */
export function callsOf(call: IntrinsicCall): Array<{ call: IntrinsicCall; depth: number }> {
  const out: Array<{ call: IntrinsicCall; depth: number }> = [];
  const stack: Array<{ call: IntrinsicCall; depth: number }> = [{ call, depth: 1 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    out.push(item);
    for (let a = item.call.args.length - 1; a >= 0; a--) {
      const arg = item.call.args[a]!;
      if (arg.kind === 'call') stack.push({ call: arg.call, depth: item.depth + 1 });
    }
  }
  return out;
}
