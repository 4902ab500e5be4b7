/**
 * JSONPath reading and writing for the JSONPath query language. Plain reference paths (`$.a.b[0]`,
 * `$['a b']`) are walked directly, which is fast and exact; anything else (wildcards, slices, `..`,
 * unions, filters) goes through jsonpath-plus (jsonpath-indefinite.ts), whose filter scripts we interpret
 * ourselves instead of letting it evaluate JavaScript, so no input can run code.
 * Every failure is States.Runtime, as AWS reports it.
 */
import { runtimeError } from './errors.js';
import { queryIndefinite } from './jsonpath-indefinite.js';
import { isObject } from '../asl/is-object.js';

type Segment = string | number;

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
  let matches: unknown[];
  try {
    matches = queryIndefinite(data, path);
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
