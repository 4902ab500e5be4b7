/**
 * Indefinite JSONPath (wildcards, slices, unions, `..`, filters, script expressions) through jsonpath-plus,
 * loaded on the first such path. The path is parsed with the grammar validate checks it with; jsonpath-plus
 * gets it already split and each filter as a number, which it hands back to our interpreter.
 */
import { createRequire } from 'node:module';
import { evaluateFilter } from './jsonpath-filter.js';
import { parsePath, type PathSegment } from '../asl/jsonpath-syntax.js';
import type { FilterNode } from '../asl/jsonpath-filter-syntax.js';
import { isObject } from '../asl/is-object.js';

type JsonPathFn = typeof import('jsonpath-plus').JSONPath;
let jsonPathPlus: JsonPathFn | undefined;

/** jsonpath-plus is loaded on the first path that needs it: most machines use plain reference paths only. */
function jsonPathQuery(): JsonPathFn {
  jsonPathPlus ??= (createRequire(import.meta.url)('jsonpath-plus') as { JSONPath: JsonPathFn }).JSONPath;
  return jsonPathPlus;
}

interface IndefiniteQuery {
  /** The key under which the path's steps wait in jsonpath-plus's cache of split paths. */
  key: string;
  expressions: FilterNode[];
  /** Past our own cache's bound: the steps are taken out of jsonpath-plus's cache after the query, which never forgets. */
  transient: boolean;
}

const queryCache = new Map<string, IndefiniteQuery>();

/**
 * Prepares a path for jsonpath-plus. The path is parsed with the grammar validate checks it with and handed
 * over already split, through jsonpath-plus's cache of split paths: its own splitting is made of regular
 * expressions that read names such as `@`, `*`, `(x)` or `a,b` as operators and rewrite `@` inside quoted
 * text. Names are passed with its backtick escape (taken literally), filters and scripts as their number,
 * which it hands to runExpression.
 */
function indefiniteQuery(path: string): IndefiniteQuery {
  const cached = queryCache.get(path);
  if (cached) return cached;
  const parsed = parsePath(path);
  if (!parsed.ok) throw new Error(`${parsed.message} (at character ${parsed.offset + 1})`);
  const key = `\u0000${path}`;
  (jsonPathQuery() as unknown as { cache: Record<string, unknown> }).cache[key] = ['$', ...parsed.segments.map(plusStep)];
  const query = { key, expressions: parsed.expressions.map((e) => e.node), transient: queryCache.size >= 10_000 };
  if (!query.transient) queryCache.set(path, query);
  return query;
}

/** One step as jsonpath-plus reads it once split. */
function plusStep(segment: PathSegment): string {
  switch (segment.kind) {
    case 'name':
      return `\`${segment.name}`;
    case 'index':
      // As text: a number it does not find, jsonpath-plus goes on to treat as text and fails. A negative
      // index counts from the end, which jsonpath-plus does for slices only.
      return segment.index >= 0 ? String(segment.index) : `${segment.index}:${segment.index + 1 === 0 ? '' : segment.index + 1}`;
    case 'wildcard':
      return '*';
    case 'deep-scan':
      return '..';
    case 'union':
      return segment.members.map((m) => (typeof m === 'number' ? String(m) : `\`${m}`)).join(',');
    case 'slice':
      return segment.text;
    case 'filter':
      return `?(${segment.expression})`;
    default:
      return `(${segment.expression})`;
  }
}

/** jsonpath-plus's hook for a filter or script: the script is the expression's number (see indefiniteQuery). */
function runExpression(script: string, context: { expressions: FilterNode[]; _$_v: unknown; _$_root: unknown }): unknown {
  const node = context.expressions[Number(/\d+/.exec(script)?.[0] ?? NaN)];
  if (!node) throw new Error(`unexpected expression ${script}`);
  const value = evaluateFilter(node, context._$_v, context._$_root);
  return script.startsWith('(') ? scriptKey(context._$_v, value) : value;
}

/** Matches no member: jsonpath-plus follows a key it is given, and this one no JSON document has in practice. */
const NO_MEMBER = '\u0000no member';

/**
 * The member a script expression (`[(@.length-1)]`) names, in the form jsonpath-plus follows literally: an
 * index of the array as a number, a name of the object as a string. Anything else (an index out of range,
 * NaN, a name jsonpath-plus would read as an operator such as `*` or `..`) names nothing, so the path finds
 * nothing there, rather than jsonpath-plus failing on it.
 */
function scriptKey(current: unknown, value: unknown): unknown {
  if (Array.isArray(current)) return Number.isInteger(value) && (value as number) >= 0 && (value as number) < current.length ? value : NO_MEMBER;
  if (typeof value !== 'string' || !isObject(current) || !Object.prototype.hasOwnProperty.call(current, value)) return NO_MEMBER;
  return /^(\*|\.\.|\^|~|\$|[(@`?])|,|^-?\d*:/.test(value) ? NO_MEMBER : value;
}

/**
 * Every match of an indefinite path, in order (an empty list when nothing matches). Throws an Error whose
 * message says why when the path does not parse or jsonpath-plus fails; the caller words it for the state.
 */
export function queryIndefinite(data: unknown, path: string): unknown[] {
  const query = indefiniteQuery(path);
  try {
    // The sandbox is typed as a Map, but jsonpath-plus sets plain properties on it and passes it to the eval hook.
    const sandbox = { expressions: query.expressions } as unknown as Map<string, unknown>;
    return (jsonPathQuery()({ path: query.key, json: data as object, wrap: true, eval: runExpression as unknown as false, sandbox }) as unknown[] | undefined) ?? [];
  } finally {
    if (query.transient) delete (jsonPathQuery() as unknown as { cache: Record<string, unknown> }).cache[query.key];
  }
}
