/**
 * JSONPath reading and writing for the JSONPath query language. Plain reference paths (`$.a.b[0]`,
 * `$['a b']`) are walked directly, which is fast and exact; anything else (wildcards, slices, `..`,
 * unions, filters) goes through jsonpath-plus, whose filter scripts we interpret ourselves instead of
 * letting it evaluate JavaScript, so no input can run code.
 * Every failure is States.Runtime, as AWS reports it.
 */
import { createRequire } from 'node:module';
import { runtimeError } from './errors.js';
import { evaluateFilter } from './jsonpath-filter.js';
import { parsePath, type PathSegment } from '../asl/jsonpath-syntax.js';
import type { FilterNode } from '../asl/jsonpath-filter-syntax.js';
import { isObject } from '../asl/is-object.js';

type Segment = string | number;

type JsonPathFn = typeof import('jsonpath-plus').JSONPath;
let jsonPathPlus: JsonPathFn | undefined;

/** jsonpath-plus is loaded on the first path that needs it: most machines use plain reference paths only. */
function jsonPathQuery(): JsonPathFn {
  jsonPathPlus ??= (createRequire(import.meta.url)('jsonpath-plus') as { JSONPath: JsonPathFn }).JSONPath;
  return jsonPathPlus;
}

const referenceCache = new Map<string, Segment[] | null>();

/** Parses `$.a.b[0]['c']` into segments; null when the path is not a plain reference path. */
function parseReferencePath(path: string): Segment[] | null {
  const cached = referenceCache.get(path);
  if (cached !== undefined) return cached;
  const parsed = parseReference(path);
  if (referenceCache.size < 10_000) referenceCache.set(path, parsed);
  return parsed;
}

function parseReference(path: string): Segment[] | null {
  if (!path.startsWith('$')) return null;
  const segments: Segment[] = [];
  let i = 1;
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') {
      if (path[i + 1] === '.') return null;
      let j = i + 1;
      while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
      const name = path.slice(i + 1, j);
      if (name === '' || name === '*') return null;
      segments.push(name);
      i = j;
    } else if (ch === '[') {
      const close = path.indexOf(']', i);
      if (close < 0) return null;
      const inner = path.slice(i + 1, close).trim();
      if (/^\d+$/.test(inner)) segments.push(Number(inner));
      else if (/^'[^']*'$/.test(inner) || /^"[^"]*"$/.test(inner)) segments.push(inner.slice(1, -1));
      else return null;
      i = close + 1;
    } else {
      return null;
    }
  }
  return segments;
}

function step(value: unknown, segment: Segment): { found: boolean; value?: unknown } {
  if (typeof segment === 'number') {
    if (Array.isArray(value) && segment < value.length) return { found: true, value: value[segment] };
    return { found: false };
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, segment)) {
    return { found: true, value: (value as Record<string, unknown>)[segment] };
  }
  return { found: false };
}

interface IndefiniteQuery {
  /** The key under which the path's steps wait in jsonpath-plus's cache of split paths. */
  key: string;
  expressions: FilterNode[];
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
  if (!parsed.ok) throw runtimeError(`The JSONPath ${path} could not be evaluated: ${parsed.message} (at character ${parsed.offset + 1})`);
  const key = `\u0000${path}`;
  (jsonPathQuery() as unknown as { cache: Record<string, unknown> }).cache[key] = ['$', ...parsed.segments.map(plusStep)];
  const query = { key, expressions: parsed.expressions.map((e) => e.node) };
  if (queryCache.size < 10_000) queryCache.set(path, query);
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

export type PathResult = { found: true; value: unknown } | { found: false };

/** Reads a path without raising: `found: false` when nothing matches. */
export function tryReadPath(data: unknown, path: string): PathResult {
  const segments = parseReferencePath(path);
  if (segments) {
    let current = data;
    for (const segment of segments) {
      const next = step(current, segment);
      if (!next.found) return { found: false };
      current = next.value;
    }
    return { found: true, value: current };
  }
  const query = indefiniteQuery(path);
  let matches: unknown[];
  try {
    // The sandbox is typed as a Map, but jsonpath-plus sets plain properties on it and passes it to the eval hook.
    const sandbox = { expressions: query.expressions } as unknown as Map<string, unknown>;
    matches = jsonPathQuery()({ path: query.key, json: data as object, wrap: true, eval: runExpression as unknown as false, sandbox }) as unknown[];
  } catch (err) {
    throw runtimeError(`The JSONPath ${path} could not be evaluated: ${(err as Error).message}`);
  }
  // An indefinite path (wildcard, filter, slice, union, deep scan) always yields a list, even an empty one.
  return { found: true, value: matches ?? [] };
}

/**
 * Reads a path that must match, as every JSONPath field does; a miss is States.Runtime, worded as AWS
 * words it for that field. `shown` is the path as written (`$$.x` for a context path), `stateInput` the
 * state's input for the messages that quote it.
 */
export function readPath(data: unknown, path: string, field: string, stateName: string, shown = path, stateInput: unknown = data): unknown {
  const result = tryReadPath(data, path);
  if (!result.found) throw runtimeError(`An error occurred while executing the state '${stateName}'. ${missMessage(data, path, field, shown, stateInput)}`);
  return result.value;
}

function missMessage(data: unknown, path: string, field: string, shown: string, stateInput: unknown): string {
  const templateKey = /([^.]*\.\$)$/.exec(field)?.[1];
  if (templateKey !== undefined || field === 'ErrorPath' || field === 'CausePath') {
    return `The JSONPath '${shown}' specified for the field '${templateKey ?? field}' could not be found in the input '${JSON.stringify(stateInput)}'`;
  }
  if (field === 'SecondsPath' || field === 'TimestampPath') return `The ${field} parameter does not reference an input value: ${shown}`;
  // The wording of the JSONPath library AWS uses: the first missing step, or no result at the end.
  const segments = parseReferencePath(path);
  if (segments) {
    let current = data;
    let walked = '$';
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i]!;
      walked += typeof segment === 'number' ? `[${segment}]` : `['${segment}']`;
      const next = step(current, segment);
      if (!next.found) return i < segments.length - 1 ? `Invalid path '${shown}' : Missing property in path ${walked}` : `Invalid path '${shown}' : No results for path: ${walked}`;
      current = next.value;
    }
  }
  return `Invalid path '${shown}' : No results for path: ${shown}`;
}

/**
 * Writes `value` at a ResultPath into a copy of `input`, creating missing objects on the way.
 * `$` replaces the input. A path through a non-object is States.Runtime.
 */
export function writePath(input: unknown, path: string, value: unknown, stateName: string): unknown {
  const segments = parseReferencePath(path);
  if (!segments) throw runtimeError(`An error occurred while executing the state '${stateName}'. Invalid ResultPath '${path}': it must be a reference path.`);
  if (segments.length === 0) return value;
  const fail = () =>
    runtimeError(
      `An error occurred while executing the state '${stateName}'. Unable to apply ResultPath '${path}' to input ${preview(input)}`,
    );
  if (!isObject(input) && !Array.isArray(input)) throw fail();
  const root: unknown = Array.isArray(input) ? [...input] : { ...input };
  let parent = root as Record<string | number, unknown>;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const last = i === segments.length - 1;
    if (typeof segment === 'number' ? !Array.isArray(parent) : Array.isArray(parent)) throw fail();
    if (last) {
      parent[segment] = value;
      break;
    }
    const existing = parent[segment];
    let next: Record<string | number, unknown>;
    if (isObject(existing)) next = { ...existing };
    else if (Array.isArray(existing)) next = [...existing] as unknown as Record<number, unknown>;
    else if (existing === undefined) next = {};
    else throw fail();
    parent[segment] = next;
    parent = next;
  }
  return root;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
