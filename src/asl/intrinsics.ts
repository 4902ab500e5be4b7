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
 * The reader that implements it is `intrinsic-reader.ts`.
 */

import { CallReader, IntrinsicSyntaxError } from './intrinsic-reader.js';
import type { IntrinsicCall } from './intrinsic-tree.js';

export { IntrinsicSyntaxError };

export type { IntrinsicArg, IntrinsicCall } from './intrinsic-tree.js';

export type IntrinsicParse = { ok: true; call: IntrinsicCall } | { ok: false; message: string; /** 0-based offset of the problem */ offset: number };

/** An intrinsic call's start (`Name(` at the very start of the text), which is how AWS tells calls from paths. */
export const INTRINSIC_CALL_START = /^[A-Za-z][A-Za-z0-9_.]*\s*\(/;

/** True when a string is written as an intrinsic call. */
export function looksLikeIntrinsic(value: unknown): value is string {
  return typeof value === 'string' && INTRINSIC_CALL_START.test(value);
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
