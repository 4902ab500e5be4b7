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

/** Parses one call; throws IntrinsicSyntaxError. Surrounding whitespace is allowed. */
export function parseCall(text: string): IntrinsicCall {
  let i = 0;
  const fail = (reason: string, at = i): never => {
    throw new IntrinsicSyntaxError(reason, at, text);
  };
  const skip = (): void => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const describeHere = (): string => (i >= text.length ? 'the end of the text' : `"${text[i]}"`);

  // Iterative over nesting depth would complicate the grammar; depth is bounded instead
  // (AWS allows 10 levels; far deeper input is refused before it can exhaust the stack).
  const MAX_DEPTH = 200;

  const call = (depth: number): IntrinsicCall => {
    if (depth > MAX_DEPTH) fail(`calls are nested more than ${MAX_DEPTH} levels deep`);
    const start = i;
    NAME.lastIndex = i;
    const match = NAME.exec(text);
    if (!match) return fail(`expected a function name such as States.Format, found ${describeHere()}`);
    const name = match[0];
    i += name.length;
    skip();
    if (text[i] !== '(') fail(`expected "(" after ${name}, found ${describeHere()}`);
    i++;
    const args: IntrinsicArg[] = [];
    skip();
    if (text[i] === ')') {
      i++;
      return { name, args, start, end: i };
    }
    for (;;) {
      skip();
      args.push(arg(depth));
      skip();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ')') {
        i++;
        return { name, args, start, end: i };
      }
      if (i >= text.length) fail(`missing ")" to close ${name}(`);
      fail(`expected "," or ")" after an argument of ${name}, found ${describeHere()}`);
    }
  };

  const arg = (depth: number): IntrinsicArg => {
    const start = i;
    const ch = text[i];
    if (ch === undefined) return fail('expected an argument, found the end of the text');
    if (ch === "'") {
      let value = '';
      i++;
      while (i < text.length && text[i] !== "'") {
        if (text[i] === '\\') {
          const next = text[i + 1];
          if (next === undefined) break;
          if (next === '"') {
            fail('\\" is not an escape Step Functions accepts in intrinsic strings: a double quote needs no backslash there (only \\\' \\{ \\} and \\\\ are escapes)');
          }
          value += next === '{' || next === '}' ? `\\${next}` : next;
          i += 2;
        } else {
          value += text[i++];
        }
      }
      if (text[i] !== "'") fail("unterminated string: add the closing '", start);
      i++;
      return { kind: 'string', value, start, end: i };
    }
    if (ch === '"') fail(`strings in intrinsic calls are written in single quotes ('…'), not double quotes`);
    if (ch === '$') {
      let bracket = 0;
      let paren = 0;
      let quote: string | undefined;
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
      const raw = text.slice(start, i);
      const path = raw.trimEnd();
      return { kind: 'path', path, start, end: start + path.length };
    }
    LITERAL.lastIndex = i;
    const literal = LITERAL.exec(text);
    if (literal) {
      i += literal[0].length;
      if (literal[0] === 'true' || literal[0] === 'false') return { kind: 'boolean', value: literal[0] === 'true', start, end: i };
      if (literal[0] === 'null') return { kind: 'null', start, end: i };
      return { kind: 'number', value: Number(literal[0]), start, end: i };
    }
    if (/[A-Za-z]/.test(ch)) {
      const nested = call(depth + 1);
      return { kind: 'call', call: nested, start, end: i };
    }
    return fail(`expected an argument (a 'string', a number, true, false, null, a path or a call), found ${describeHere()}`);
  };

  skip();
  const result = call(0);
  skip();
  if (i !== text.length) fail(`unexpected ${describeHere()} after the end of the call`);
  return result;
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
