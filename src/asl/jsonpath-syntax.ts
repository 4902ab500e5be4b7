/**
 * Static syntax of the JSONPath expressions JSONPath states use: plain paths (`$.orders[0].id`,
 * `$.items[?(@.price < 10)]`), context paths (`$$.Execution.Id`), variables (`$order.total`) and
 * reference paths, the restricted form that names a single node (`ResultPath`, `ItemsPath` …).
 *
 * A small tokenizer (`jsonpath-reader.ts`), never an evaluator: nothing here runs a filter or script expression.
 * It follows the dialect Step Functions accepts (Jayway-style JSONPath): dot and bracket members,
 * `*`, `..`, indexes, unions, slices, filters `?(...)`, script expressions `(...)` and
 * functions such as `length()` in plain paths. Filters and script expressions are read with the grammar
 * run evaluates them with (`jsonpath-filter-syntax.ts`).
 */

import { PathError, PathReader, readVariableName } from './jsonpath-reader.js';
import type { PathExpression, PathFeature, PathRoot, PathSegment } from './jsonpath-tree.js';

export type { PathExpression, PathFeature, PathRoot, PathSegment } from './jsonpath-tree.js';

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

/**
 * Splits a variable path (`$order.total`) into the variable's name and the path inside its value (`$.total`),
 * by the same rule as parsePath, so run looks up the variable validate saw; undefined for other paths.
 */
export function splitVariablePath(text: string): { name: string; rest: string } | undefined {
  if (text[0] !== '$') return undefined;
  const name = readVariableName(text);
  return name === undefined ? undefined : { name, rest: `$${text.slice(1 + name.length)}` };
}

/** Parses a path; never throws. Does not look at placeholders: callers skip `${...}` strings first. */
export function parsePath(text: string): PathSyntax {
  const reader = new PathReader(text);
  try {
    reader.readPath();
  } catch (error) {
    if (error instanceof PathError) return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
  const { root, variable, features, featureOffsets, expressions, segments } = reader;
  return variable === undefined ? { ok: true, root, features, featureOffsets, expressions, segments } : { ok: true, root, variable, features, featureOffsets, expressions, segments };
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
