/**
 * Problems in a stub file or mock config file, each with the JSON Pointer of the offending value, so the
 * CLI can show file:line:column. The files are first checked against their JSON Schemas (compiled at
 * build time from schemas/), then by the checks a schema cannot express.
 */
import type { ErrorObject } from 'ajv';
import { escapePointerToken } from '../../asl/pointer.js';
import { suggestNearest } from '../../asl/suggest.js';
import { buildModel, qualifiedName } from '../../asl/walker.js';

export interface FileProblem {
  /** JSON Pointer of the value in the file ("" for the whole file). */
  pointer: string;
  message: string;
}

/** The readable place of a pointer: `states."Charge card".sequence[0]` (with the file's value, list items get brackets). */
export function describePointer(pointer: string, root?: unknown): string {
  if (pointer === '') return 'the file';
  let current = root;
  return pointer
    .split('/')
    .slice(1)
    .map((raw, i) => {
      const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      const inList = root === undefined ? /^\d+$/.test(token) : Array.isArray(current);
      if (current !== null && typeof current === 'object') current = (current as Record<string, unknown>)[token];
      if (inList) return `[${token}]`;
      const dot = i === 0 ? '' : '.';
      return /^[A-Za-z_$][\w$]*$/.test(token) ? `${dot}${token}` : `${dot}${JSON.stringify(token)}`;
    })
    .join('');
}

export function childPointer(pointer: string, key: string | number): string {
  return `${pointer}/${escapePointerToken(String(key))}`;
}

export function valueAt(value: unknown, pointer: string): unknown {
  if (pointer === '') return value;
  let current = value;
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}

const typeNames: Record<string, string> = {
  string: 'a string',
  object: 'an object',
  number: 'a number',
  array: 'a list',
  integer: 'an integer',
  boolean: 'true or false',
};

/** A plain-language message for one ajv error, for the generic keywords. */
export function genericMessage(error: ErrorObject): FileProblem {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      return { pointer: childPointer(error.instancePath, key), message: `unexpected key "${key}"` };
    }
    case 'required':
      return { pointer: error.instancePath, message: `"${String(params.missingProperty)}" is missing` };
    case 'type':
      return { pointer: error.instancePath, message: `must be ${String(params.type).split(',').map((t) => typeNames[t] ?? t).join(' or ')}` };
    case 'minimum':
      return { pointer: error.instancePath, message: `must be ${String(params.limit)} or more` };
    case 'minItems':
      return { pointer: error.instancePath, message: `needs at least ${String(params.limit)} item(s)` };
    case 'minLength':
      return { pointer: error.instancePath, message: 'must not be empty' };
    default:
      return { pointer: error.instancePath, message: error.message ?? error.keyword };
  }
}

/** Formats problems as one message: each on its own line, with its place. */
export function problemsMessage(what: string, problems: FileProblem[]): string {
  return problems.map((p) => `${what === '' ? '' : `${what}: `}${describePointer(p.pointer)}: ${p.message}`).join('\n');
}

/**
 * Answers keyed by a name that is no Task state of the machine are never used, almost always a typo:
 * one warning each, with the nearest Task state. `entries` maps each key to its pointer in the file.
 */
export function unusedStateKeys(definition: unknown, entries: Array<{ key: string; pointer: string }>): FileProblem[] {
  const model = buildModel(definition);
  const tasks = new Set<string>();
  const others = new Map<string, string>();
  for (const node of model.states) {
    for (const name of [node.name, qualifiedName(node)]) {
      if (node.type === 'Task') tasks.add(name);
      else others.set(name, node.type ?? 'unknown');
    }
  }
  const problems: FileProblem[] = [];
  for (const { key, pointer } of entries) {
    if (tasks.has(key)) continue;
    const type = others.get(key);
    if (type !== undefined) {
      problems.push({ pointer, message: `"${key}" is a ${type} state; only Task states are answered by stubs, so this entry is never used` });
      continue;
    }
    const near = suggestNearest(key, tasks);
    problems.push({ pointer, message: `no Task state is named "${key}", so this entry is never used${near ? `; did you mean "${near}"?` : ''}` });
  }
  return problems;
}
