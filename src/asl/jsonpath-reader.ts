/**
 * The tokenizer behind parsePath (`jsonpath-syntax.ts`): one pass over a path's text, root first, then step by
 * step (`.name`, `..name`, `[ … ]`), collecting its segments, the features that make it select several nodes
 * and its filters and script expressions. Each read method takes the offset it starts at and returns the
 * offset after what it read; a problem throws PathError, which parsePath turns into its result.
 */

import { parseFilterExpression } from './jsonpath-filter-syntax.js';
import type { PathExpression, PathFeature, PathRoot, PathSegment } from './jsonpath-tree.js';

const VARIABLE_START = /[\p{L}_]/u;
const VARIABLE_NAME = /[\p{L}\p{N}_]+/uy;
/** Member names in dot notation: anything up to the next separator. */
const DOT_NAME = /[^.[\]()\s'",]+/y;
const INDEXES = /^\s*-?\d+\s*(,\s*-?\d+\s*)*$/;
const SLICE = /^\s*(-?\d+)?\s*:\s*(-?\d+)?\s*(:\s*(-?\d+)?\s*)?$/;
/** A backslash and the character it keeps, in a quoted name. */
const ESCAPED_CHARACTER = /\\(.)/gs;
const WHITESPACE = /\s/g;
/** The end of the text before a "/" that opens a regular expression literal: `=~` and maybe spaces. */
const MATCH_OPERATOR_BEFORE = /=~\s*$/;

/**
 * A problem in a path, with the 0-based offset where it was found. The reader throws it to stop at the first
 * problem and parsePath always catches it, so it is no Error: it never escapes, and an Error would capture a
 * stack trace for every path refused.
 */
export class PathError {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

/** Reads the variable name of a `$name…` path (the letters, digits and "_" after "$"); undefined for other paths. */
export function readVariableName(text: string): string | undefined {
  if (text[1] === undefined || !VARIABLE_START.test(text[1])) return undefined;
  VARIABLE_NAME.lastIndex = 1;
  return VARIABLE_NAME.exec(text)![0];
}

/** The message for brackets that hold neither an index, a slice, a quoted name, "*" nor an expression. */
function notAnIndexMessage(inside: string): string {
  return inside.trim() === ''
    ? 'empty brackets: write an index ([0]), a quoted name ([\'name\']), * or a filter ([?( … )])'
    : `"[${inside}]" is not an index, a quoted name, *, a slice or a filter (quote names: ['${inside.trim()}'])`;
}

/** One path's text and what has been read of it so far; readPath fills it in. */
export class PathReader {
  root: PathRoot = 'input';
  /** the variable name, for `$name…` paths */
  variable: string | undefined = undefined;
  readonly features: PathFeature[] = [];
  /** offset of the first feature of each kind */
  readonly featureOffsets: Partial<Record<PathFeature, number>> = {};
  readonly expressions: PathExpression[] = [];
  readonly segments: PathSegment[] = [];

  constructor(private readonly text: string) {}

  /** Reads the whole path: its root, then every step to the end of the text. */
  readPath(): void {
    let at = this.readRoot();
    while (at < this.text.length) at = this.readStep(at);
  }

  /** Reads the root ("$", "$$" or "$name"); returns the offset of the first step. */
  private readRoot(): number {
    const text = this.text;
    if (text[0] !== '$') throw new PathError('a path starts with "$" (the state input), "$$" (the context object) or "$name" (a variable)', 0);
    if (text[1] === '$') {
      this.root = 'context';
      return 2;
    }
    const name = readVariableName(text);
    if (name === undefined) return 1;
    this.root = 'variable';
    this.variable = name;
    return 1 + name.length;
  }

  /** Reads one step at `at`: ".member", "..member" or "[ … ]". */
  private readStep(at: number): number {
    const c = this.text[at];
    if (c === '.') return this.text[at + 1] === '.' ? this.readDeepScan(at) : this.readMember(at + 1, '.');
    if (c === '[') return this.readBracket(at);
    const where = this.root === 'context' && at === 2 ? ' after "$$"' : this.root === 'input' && at === 1 ? ' after "$"' : '';
    throw new PathError(`unexpected ${this.found(at)}${where}: continue the path with ".field" or "[ … ]"`, at);
  }

  /** Reads a recursive search "..member" at `at` (its first "."). */
  private readDeepScan(at: number): number {
    this.mark('deep-scan', at);
    this.segments.push({ kind: 'deep-scan' });
    if (this.text[at + 2] === '.') throw new PathError('"..." is not valid: use "." for a child or ".." for a recursive search', at);
    return this.readMember(at + 2, '..');
  }

  /** Reads the member after "." or ".." (`after`): "*", a bracket or a name. */
  private readMember(at: number, after: string): number {
    const c = this.text[at];
    if (c === '*') {
      this.mark('wildcard', at);
      this.segments.push({ kind: 'wildcard' });
      return at + 1;
    }
    if (c === '[') return this.readBracket(at);
    return this.readDotName(at, after);
  }

  /** Reads a name in dot notation, with its arguments when it is a function call ("length()"). */
  private readDotName(at: number, after: string): number {
    const text = this.text;
    DOT_NAME.lastIndex = at;
    const name = DOT_NAME.exec(text);
    if (!name) {
      throw new PathError(
        at >= text.length ? `the path ends with "${after}"; add a field name after it or remove it` : `expected a field name after "${after}", found ${this.found(at)} (quote unusual names: ['name'])`,
        at,
      );
    }
    let end = at + name[0].length;
    if (text[end] === '(') {
      this.mark('function', at);
      end = this.readGroup(end);
    }
    // A function call stays a name ("length()"), which matches nothing: AWS supports no functions in paths.
    this.segments.push({ kind: 'name', name: text.slice(at, end) });
    return end;
  }

  /** Reads a bracket step "[ … ]" at `at`: quoted names, "*", a filter, a script expression, indexes or a slice. */
  private readBracket(at: number): number {
    const from = this.skipSpaces(at + 1);
    const c = this.text[from];
    let end: number;
    if (c === "'" || c === '"') end = this.readQuotedNames(at, from);
    else if (c === '*') end = this.readBracketWildcard(from);
    else if (c === '?') end = this.readFilter(at, from);
    else if (c === '(') end = this.readScript(at, from);
    else end = this.readIndexesOrSlice(at, from);
    if (this.text[end] !== ']') throw new PathError(`expected "]", found ${this.found(end)}`, end);
    return end + 1;
  }

  /** Reads "'name'" or a union "'a', 'b'" at `from` in the bracket at `at`; returns the offset after it and its spaces. */
  private readQuotedNames(at: number, from: number): number {
    const text = this.text;
    const names: string[] = [];
    let j = from;
    for (;;) {
      const end = this.readQuoted(j);
      names.push(text.slice(j + 1, end - 1).replace(ESCAPED_CHARACTER, '$1'));
      j = this.skipSpaces(end);
      if (text[j] !== ',') break;
      j = this.skipSpaces(j + 1);
      if (text[j] !== "'" && text[j] !== '"') throw new PathError(`expected a quoted name after "," in [ ], found ${this.found(j)}`, j);
    }
    if (names.length > 1) this.mark('union', at);
    this.segments.push(names.length > 1 ? { kind: 'union', members: names } : { kind: 'name', name: names[0]! });
    return j;
  }

  /** Reads the "*" at `from` in a bracket; returns the offset after it and its spaces. */
  private readBracketWildcard(from: number): number {
    this.mark('wildcard', from);
    this.segments.push({ kind: 'wildcard' });
    return this.skipSpaces(from + 1);
  }

  /** Reads a filter "?( … )" at `from` (the "?") in the bracket at `at`; returns the offset after it and its spaces. */
  private readFilter(at: number, from: number): number {
    if (this.text[from + 1] !== '(') throw new PathError('a filter is written [?( … )]', from);
    this.mark('filter', from);
    this.segments.push({ kind: 'filter', expression: this.expressions.length });
    return this.skipSpaces(this.readExpression('filter', at, from + 1));
  }

  /** Reads a script expression "( … )" at `from` in the bracket at `at`; returns the offset after it and its spaces. */
  private readScript(at: number, from: number): number {
    this.mark('script', from);
    this.segments.push({ kind: 'script', expression: this.expressions.length });
    return this.skipSpaces(this.readExpression('script', at, from));
  }

  /** Reads the expression after the "(" at `open` with the shared filter grammar; returns the offset after its ")". */
  private readExpression(kind: PathExpression['kind'], bracketAt: number, open: number): number {
    const text = this.text;
    const parsed = parseFilterExpression(text, open + 1);
    if (!parsed.ok) throw new PathError(`in the ${kind === 'filter' ? 'filter' : 'script expression'}, ${parsed.message}`, parsed.offset);
    const close = this.skipSpaces(parsed.end + 1);
    this.expressions.push({ kind, start: bracketAt, end: text[close] === ']' ? close + 1 : close, node: parsed.node });
    return parsed.end + 1;
  }

  /** Reads indexes ("0", or "0, 1": a union) or a slice ("1:3") at `from` in the bracket at `at`; returns the offset of its "]". */
  private readIndexesOrSlice(at: number, from: number): number {
    const close = this.text.indexOf(']', from);
    if (close < 0) throw new PathError('missing "]"', at);
    const inside = this.text.slice(from, close);
    if (INDEXES.test(inside)) {
      const indexes = inside.split(',').map(Number);
      if (indexes.length > 1) this.mark('union', at);
      this.segments.push(indexes.length > 1 ? { kind: 'union', members: indexes } : { kind: 'index', index: indexes[0]! });
    } else if (SLICE.test(inside)) {
      this.mark('slice', at);
      this.segments.push({ kind: 'slice', text: inside.replace(WHITESPACE, '') });
    } else {
      throw new PathError(notAnIndexMessage(inside), at);
    }
    return close;
  }

  /** Reads a quoted name at `at` (its quote); returns the offset after the closing quote. */
  private readQuoted(at: number): number {
    const text = this.text;
    const quote = text[at]!;
    let j = at + 1;
    while (j < text.length && text[j] !== quote) j += text[j] === '\\' ? 2 : 1;
    if (j >= text.length) throw new PathError(`unterminated name: add the closing ${quote}`, at);
    return j + 1;
  }

  /** Reads a function's balanced "( … )" at `at` (the "("), quoted strings and regular expressions included; returns the offset after ")". */
  private readGroup(at: number): number {
    const text = this.text;
    let depth = 0;
    let j = at;
    while (j < text.length) {
      const c = text[j]!;
      if (c === "'" || c === '"') {
        j = this.readQuoted(j);
        continue;
      }
      // A regular expression literal after =~ may hold parentheses of its own.
      if (c === '/' && MATCH_OPERATOR_BEFORE.test(text.slice(Math.max(at, j - 8), j))) {
        j = this.readRegularExpression(j);
        continue;
      }
      if (c === '(') depth++;
      else if (c === ')') {
        depth--;
        if (depth === 0) return j + 1;
      }
      j++;
    }
    throw new PathError('missing ")" to close the expression', at);
  }

  /** Reads a regular expression literal "/ … /" at `at` (its first "/"); returns the offset after the closing "/". */
  private readRegularExpression(at: number): number {
    const text = this.text;
    let k = at + 1;
    while (k < text.length && text[k] !== '/') k += text[k] === '\\' ? 2 : 1;
    if (k >= text.length) throw new PathError('unterminated regular expression: add the closing /', at);
    return k + 1;
  }

  /** Skips spaces and tabs from `at`; returns the offset of the next other character. */
  private skipSpaces(at: number): number {
    const text = this.text;
    while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
    return at;
  }

  /** Records the first offset of each feature, and the features in the order first met. */
  private mark(feature: PathFeature, at: number): void {
    if (!(feature in this.featureOffsets)) {
      this.featureOffsets[feature] = at;
      this.features.push(feature);
    }
  }

  /** The character at `at`, quoted for a message, or "the end of the path". */
  private found(at: number): string {
    return at >= this.text.length ? 'the end of the path' : `"${this.text[at]}"`;
  }
}
