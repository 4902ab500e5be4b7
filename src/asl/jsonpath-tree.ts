/** What a parsed JSONPath is made of, as `jsonpath-reader.ts` builds it and validate and run read it. */
import type { FilterNode } from './jsonpath-filter-syntax.js';

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
