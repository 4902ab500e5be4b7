/**
 * Static syntax of the JSONPath expressions JSONPath states use: plain paths (`$.orders[0].id`,
 * `$.items[?(@.price < 10)]`), context paths (`$$.Execution.Id`), variables (`$order.total`) and
 * reference paths, the restricted form that names a single node (`ResultPath`, `ItemsPath` …).
 *
 * A small tokenizer, never an evaluator: nothing here runs a filter or script expression.
 * It follows the dialect Step Functions accepts (Jayway-style JSONPath): dot and bracket members,
 * `*`, `..`, indexes, unions, slices, filters `?(...)`, script expressions `(...)` and
 * functions such as `length()` in plain paths. Filters and script expressions are read with the grammar
 * run evaluates them with (`jsonpath-filter-syntax.ts`).
 */

import { parseFilterExpression, type FilterNode } from './jsonpath-filter-syntax.js';

/** The constructs that make a path select more than one node (or compute one). */
export type PathFeature = 'wildcard' | 'deep-scan' | 'filter' | 'script' | 'union' | 'slice' | 'function';

export type PathRoot = 'input' | 'context' | 'variable';

/**
 * One step of a parsed path, in order: what run hands jsonpath-plus already split, so that names are never
 * read as its operators. A filter or script step holds the number of its entry in `expressions`.
 */
export type PathSegment =
  | { kind: 'name'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'wildcard' }
  | { kind: 'deep-scan' }
  | { kind: 'union'; members: Array<string | number> }
  | { kind: 'slice'; text: string }
  | { kind: 'filter' | 'script'; expression: number };

/** A filter `[?( … )]` or script `[( … )]` in a path: its brackets' offsets (`[` to after `]`) and its parsed tree. */
export interface PathExpression {
  kind: 'filter' | 'script';
  start: number;
  end: number;
  node: FilterNode;
}

export type PathSyntax =
  | {
      ok: true;
      root: PathRoot;
      /** the variable name, for `$name…` paths */
      variable?: string;
      features: PathFeature[];
      /** offset of the first feature of each kind */
      featureOffsets: Partial<Record<PathFeature, number>>;
      /** the filters and script expressions, in order */
      expressions: PathExpression[];
      segments: PathSegment[];
    }
  | { ok: false; message: string; /** 0-based offset of the problem in the text */ offset: number };

const VARIABLE_START = /[\p{L}_]/u;
const VARIABLE_NAME = /[\p{L}\p{N}_]+/uy;
/** Member names in dot notation: anything up to the next separator. */
const DOT_NAME = /[^.[\]()\s'",]+/y;
const INDEXES = /^\s*-?\d+\s*(,\s*-?\d+\s*)*$/;
const SLICE = /^\s*(-?\d+)?\s*:\s*(-?\d+)?\s*(:\s*(-?\d+)?\s*)?$/;

class PathError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * Splits a variable path (`$order.total`) into the variable's name and the path inside its value (`$.total`),
 * by the same rule as parsePath, so run looks up the variable validate saw; undefined for other paths.
 */
export function splitVariablePath(text: string): { name: string; rest: string } | undefined {
  if (text[0] !== '$' || text[1] === undefined || !VARIABLE_START.test(text[1])) return undefined;
  VARIABLE_NAME.lastIndex = 1;
  const name = VARIABLE_NAME.exec(text)![0];
  return { name, rest: `$${text.slice(1 + name.length)}` };
}

/** Parses a path; never throws. Does not look at placeholders: callers skip `${...}` strings first. */
export function parsePath(text: string): PathSyntax {
  const features: PathFeature[] = [];
  const featureOffsets: Partial<Record<PathFeature, number>> = {};
  const expressions: PathExpression[] = [];
  const segments: PathSegment[] = [];
  const mark = (feature: PathFeature, at: number): void => {
    if (!(feature in featureOffsets)) {
      featureOffsets[feature] = at;
      features.push(feature);
    }
  };
  const found = (at: number): string => (at >= text.length ? 'the end of the path' : `"${text[at]}"`);
  try {
    if (text[0] !== '$') throw new PathError('a path starts with "$" (the state input), "$$" (the context object) or "$name" (a variable)', 0);
    let i = 1;
    let root: PathRoot = 'input';
    let variable: string | undefined;
    if (text[1] === '$') {
      root = 'context';
      i = 2;
    } else if (text[1] !== undefined && VARIABLE_START.test(text[1])) {
      VARIABLE_NAME.lastIndex = 1;
      const name = VARIABLE_NAME.exec(text)![0];
      root = 'variable';
      variable = name;
      i = 1 + name.length;
    }

    /** Reads a quoted name starting at the quote; returns the offset after the closing quote. */
    const quoted = (at: number): number => {
      const quote = text[at]!;
      let j = at + 1;
      while (j < text.length && text[j] !== quote) j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) throw new PathError(`unterminated name: add the closing ${quote}`, at);
      return j + 1;
    };
    /** Reads a balanced "( … )" group starting at "("; returns the offset after ")". */
    const group = (at: number): number => {
      let depth = 0;
      let j = at;
      while (j < text.length) {
        const c = text[j]!;
        if (c === "'" || c === '"') {
          j = quoted(j);
          continue;
        }
        if (c === '/' && /=~\s*$/.test(text.slice(Math.max(at, j - 8), j))) {
          // A regular expression literal after =~ may hold parentheses of its own.
          let k = j + 1;
          while (k < text.length && text[k] !== '/') k += text[k] === '\\' ? 2 : 1;
          if (k >= text.length) throw new PathError('unterminated regular expression: add the closing /', j);
          j = k + 1;
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
    };
    const skipSpaces = (at: number): number => {
      while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
      return at;
    };
    /** Parses the expression after the "(" at `open` with the shared filter grammar; returns the offset after its ")". */
    const expression = (kind: PathExpression['kind'], bracketAt: number, open: number): number => {
      const parsed = parseFilterExpression(text, open + 1);
      if (!parsed.ok) throw new PathError(`in the ${kind === 'filter' ? 'filter' : 'script expression'}, ${parsed.message}`, parsed.offset);
      const close = skipSpaces(parsed.end + 1);
      expressions.push({ kind, start: bracketAt, end: text[close] === ']' ? close + 1 : close, node: parsed.node });
      return parsed.end + 1;
    };
    const bracket = (at: number): number => {
      // text[at] === '['
      let j = skipSpaces(at + 1);
      const c = text[j];
      if (c === "'" || c === '"') {
        const names: string[] = [];
        for (;;) {
          const end = quoted(j);
          names.push(text.slice(j + 1, end - 1).replace(/\\(.)/gs, '$1'));
          j = end;
          j = skipSpaces(j);
          if (text[j] === ',') {
            j = skipSpaces(j + 1);
            if (text[j] !== "'" && text[j] !== '"') throw new PathError(`expected a quoted name after "," in [ ], found ${found(j)}`, j);
            continue;
          }
          break;
        }
        if (names.length > 1) mark('union', at);
        segments.push(names.length > 1 ? { kind: 'union', members: names } : { kind: 'name', name: names[0]! });
      } else if (c === '*') {
        mark('wildcard', j);
        segments.push({ kind: 'wildcard' });
        j = skipSpaces(j + 1);
      } else if (c === '?') {
        if (text[j + 1] !== '(') throw new PathError('a filter is written [?( … )]', j);
        mark('filter', j);
        segments.push({ kind: 'filter', expression: expressions.length });
        j = skipSpaces(expression('filter', at, j + 1));
      } else if (c === '(') {
        mark('script', j);
        segments.push({ kind: 'script', expression: expressions.length });
        j = skipSpaces(expression('script', at, j));
      } else {
        const close = text.indexOf(']', j);
        if (close < 0) throw new PathError('missing "]"', at);
        const inside = text.slice(j, close);
        if (INDEXES.test(inside)) {
          const indexes = inside.split(',').map(Number);
          if (indexes.length > 1) mark('union', at);
          segments.push(indexes.length > 1 ? { kind: 'union', members: indexes } : { kind: 'index', index: indexes[0]! });
        } else if (SLICE.test(inside)) {
          mark('slice', at);
          segments.push({ kind: 'slice', text: inside.replace(/\s/g, '') });
        } else {
          throw new PathError(
            inside.trim() === ''
              ? 'empty brackets: write an index ([0]), a quoted name ([\'name\']), * or a filter ([?( … )])'
              : `"[${inside}]" is not an index, a quoted name, *, a slice or a filter (quote names: ['${inside.trim()}'])`,
            at,
          );
        }
        j = close;
      }
      if (text[j] !== ']') throw new PathError(`expected "]", found ${found(j)}`, j);
      return j + 1;
    };
    /** A member after "." or "..": a name (maybe a function call), "*" or a bracket. */
    const member = (at: number, after: string): number => {
      const c = text[at];
      if (c === '*') {
        mark('wildcard', at);
        segments.push({ kind: 'wildcard' });
        return at + 1;
      }
      if (c === '[') return bracket(at);
      DOT_NAME.lastIndex = at;
      const name = DOT_NAME.exec(text);
      if (!name) {
        throw new PathError(
          at >= text.length ? `the path ends with "${after}"; add a field name after it or remove it` : `expected a field name after "${after}", found ${found(at)} (quote unusual names: ['name'])`,
          at,
        );
      }
      let j = at + name[0].length;
      if (text[j] === '(') {
        mark('function', at);
        j = group(j);
      }
      // A function call stays a name ("length()"), which matches nothing: AWS supports no functions in paths.
      segments.push({ kind: 'name', name: text.slice(at, j) });
      return j;
    };

    while (i < text.length) {
      const c = text[i]!;
      if (c === '.') {
        if (text[i + 1] === '.') {
          mark('deep-scan', i);
          segments.push({ kind: 'deep-scan' });
          if (text[i + 2] === '.') throw new PathError('"..." is not valid: use "." for a child or ".." for a recursive search', i);
          i = member(i + 2, '..');
        } else {
          i = member(i + 1, '.');
        }
      } else if (c === '[') {
        i = bracket(i);
      } else {
        const where = root === 'context' && i === 2 ? ' after "$$"' : root === 'input' && i === 1 ? ' after "$"' : '';
        throw new PathError(`unexpected ${found(i)}${where}: continue the path with ".field" or "[ … ]"`, i);
      }
    }
    return variable === undefined ? { ok: true, root, features, featureOffsets, expressions, segments } : { ok: true, root, variable, features, featureOffsets, expressions, segments };
  } catch (error) {
    if (error instanceof PathError) return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
}

const FEATURE_WORDS: Record<PathFeature, string> = {
  wildcard: 'a wildcard (*)',
  'deep-scan': 'a recursive search (..)',
  filter: 'a filter ([?( … )])',
  script: 'a script expression ([( … )])',
  union: 'a union of several members',
  slice: 'a slice ([a:b])',
  function: 'a function call',
};

/** How a construct of a plain path is described to users ("a wildcard (*)"). */
export function describeFeature(feature: PathFeature): string {
  return FEATURE_WORDS[feature];
}

/** The first construct that keeps a parsed path from being a reference path, if any. */
export function referencePathViolation(parsed: Extract<PathSyntax, { ok: true }>): { feature: PathFeature; offset: number } | undefined {
  let best: { feature: PathFeature; offset: number } | undefined;
  for (const feature of parsed.features) {
    const offset = parsed.featureOffsets[feature]!;
    if (!best || offset < best.offset) best = { feature, offset };
  }
  return best;
}
