import type { ErrorObject } from 'ajv';
import type { Finding } from '../../diagnostics.js';
import { escapePointerToken, splitPointer } from '../../asl/pointer.js';

type Suggest = (word: string, candidates: Iterable<string>) => string | undefined;

const typeNames: Record<string, string> = {
  string: 'a string', integer: 'a whole number', number: 'a number', boolean: 'true or false',
  object: 'an object', array: 'a list', null: 'null',
};

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number';
  if (typeof value === 'object') return 'an object';
  return typeNames[typeof value] ?? typeof value;
}

const entryNames: Record<string, string> = { Choices: 'Choice rule', Branches: 'branch', Retry: 'retrier', Catch: 'catcher', And: 'And rule', Or: 'Or rule' };

/** "the Task state" / "Retry entry" … what the object at a pointer is, in ASL terms. */
function describeOwner(pointer: string, value: unknown): string {
  const tokens = splitPointer(pointer);
  const type = value && typeof value === 'object' ? (value as Record<string, unknown>).Type : undefined;
  if (typeof type === 'string' && tokens.at(-2) === 'States') return `${type} state "${tokens.at(-1)}"`;
  if (tokens.length === 0) return 'the state machine';
  const last = tokens.at(-1)!;
  const parent = tokens.at(-2);
  if (/^\d+$/.test(last) && parent) return `${entryNames[parent] ?? `${parent} entry`} ${last}`;
  return last;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function fieldName(pointer: string): string {
  return splitPointer(pointer).at(-1) ?? 'The definition';
}

/** Turns one ajv error into a finding in the user's terms, or undefined for branch noise (if/then). */
export function translateError(error: ErrorObject, value: unknown, suggest: Suggest): Finding | undefined {
  const path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const guess = suggest(field, known);
      return {
        code: 'unknown-field', severity: 'error', path: `${path}/${escapePointerToken(field)}`,
        message: `"${field}" is not a field of ${describeOwner(path, value)}${guess ? `; did you mean "${guess}"?` : '; remove it'}`,
      };
    }
    case 'required': {
      const field = String(params.missingProperty);
      return { code: 'missing-field', severity: 'error', path, message: `${capitalize(describeOwner(path, value))} is missing the required field "${field}"` };
    }
    case 'type': {
      const expected = String(params.type).split(',').map((t) => typeNames[t] ?? t);
      const wanted = expected.includes('a string') && expected.length === 2 && !expected.includes('null')
        ? `${expected.find((t) => t !== 'a string')} (or a JSONata "{% %}" string)` : expected.join(' or ');
      return { code: 'wrong-type', severity: 'error', path, message: `${fieldName(path)} should be ${wanted}, but is ${jsonTypeOf(value)}` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      const tokens = splitPointer(path);
      if (tokens.at(-1) === 'Type' && tokens.at(-3) === 'States' && typeof value === 'string') {
        const guess = suggest(value, (params.allowedValues as string[]));
        return { code: 'invalid-state-type', severity: 'error', path,
          message: `Type "${value}" is not a state type${guess ? `; did you mean "${guess}"?` : `; use one of ${allowed.join(', ')}`}` };
      }
      return { code: 'invalid-value', severity: 'error', path,
        message: `${JSON.stringify(value)} is not a valid ${fieldName(path)}; use one of ${allowed.join(', ')}` };
    }
    case 'minimum':
    case 'maximum': {
      const bound = params.limit;
      const word = error.keyword === 'minimum' ? 'at least' : 'at most';
      return { code: 'invalid-value', severity: 'error', path, message: `${fieldName(path)} should be ${word} ${bound}, but is ${JSON.stringify(value)}` };
    }
    case 'minItems': {
      const limit = Number(params.limit);
      const what = fieldName(path) === 'ErrorEquals' ? 'error name' : 'item';
      return { code: 'invalid-value', severity: 'error', path,
        message: `${fieldName(path)} must list at least ${limit} ${what}${limit === 1 ? '' : 's'}, but is empty${what === 'error name' ? '; name the errors to handle, or "States.ALL" for every error' : ''}` };
    }
    default:
      return undefined;
  }
}
