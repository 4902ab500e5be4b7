/**
 * Checks one value against a response shape: a field the API does not return, or a value of the wrong
 * type, is a problem at its JSON Pointer (relative to the value); in STRICT mode so is a required field
 * left out. One pass over the value, so the cost is linear in its size.
 */
import { escapePointerToken } from '../../../asl/pointer.js';
import { suggestNearest } from '../../../asl/suggest.js';
import type { CompoundShape, ServiceShapes, ShapeRef } from './data.js';

export interface ShapeProblem {
  pointer: string;
  message: string;
}

/** At most this many problems per value: enough to see the pattern, never a flood. */
const MAX_PROBLEMS = 20;

const PRIMITIVE_WORDS: Record<string, string> = {
  s: 'a string',
  i: 'an integer',
  n: 'a number',
  b: 'true or false',
  t: 'a timestamp (ISO-8601 text or epoch seconds)',
  B: 'a string (binary data as base64)',
};

export interface ShapeContext {
  service: ServiceShapes;
  /** The call as the ARN names it (`lambda:invoke`, `aws-sdk:s3:getObject`), for messages. */
  title: string;
  strict: boolean;
  /** Extra words after a field the response does not have at the top level (how to fix the common mistake). */
  topLevelHint?: string;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  return typeof value === 'string' ? 'a string' : typeof value === 'boolean' ? 'true or false' : typeof value;
}

/** The expected shape in words, such as `an object with S, N, BOOL …`. */
export function describeShape(ref: ShapeRef, service: ServiceShapes): string {
  if (typeof ref === 'string') return ref === 'a' ? 'any JSON value' : PRIMITIVE_WORDS[ref]!;
  const shape = service.shapes[ref]!;
  if (shape[0] === 'L') return `a list of ${plural(describeShape(shape[1] as ShapeRef, service))}`;
  if (shape[0] === 'M') return `an object whose values are ${plural(describeShape(shape[1] as ShapeRef, service))}`;
  const names = Object.keys(shape[0]);
  if (names.length === 0) return 'an empty object';
  const shown = names.length > 12 ? `${names.slice(0, 12).join(', ')} …` : names.join(', ');
  return `an object with ${shown}${isAttributeValue(shape) ? ' (a DynamoDB attribute value such as {"S": "text"} or {"N": "42"})' : ''}`;
}

function plural(words: string): string {
  return words.replace(/^(a|an) /, '').replace(/^(string|integer|number|object|list|timestamp)\b/, '$1s');
}

function isAttributeValue(shape: CompoundShape): boolean {
  const fields = shape[0];
  return typeof fields === 'object' && 'S' in fields && 'N' in fields && 'BOOL' in fields && 'NULL' in fields;
}

function primitiveFits(code: string, value: unknown): boolean {
  switch (code) {
    case 'a':
      return true;
    case 'i':
      return typeof value === 'number' && Number.isInteger(value);
    case 'n':
      return typeof value === 'number';
    case 'b':
      return typeof value === 'boolean';
    case 't':
      return typeof value === 'string' || typeof value === 'number';
    default:
      return typeof value === 'string';
  }
}

/** Checks `value` against `ref`, adding problems (pointers relative to the value). */
export function checkShape(value: unknown, ref: ShapeRef, ctx: ShapeContext): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  // An explicit stack rather than recursion: a deeply nested stub cannot overflow it.
  const stack: Array<[unknown, ShapeRef, string]> = [[value, ref, '']];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const [current, shapeRef, pointer] = stack.pop()!;
    if (typeof shapeRef === 'string') {
      if (!primitiveFits(shapeRef, current)) problems.push(wrongType(shapeRef, current, pointer, ctx));
      continue;
    }
    const shape = ctx.service.shapes[shapeRef]!;
    const wrongKind = shape[0] === 'L' ? !Array.isArray(current) : current === null || typeof current !== 'object' || Array.isArray(current);
    if (wrongKind) {
      problems.push(wrongType(shapeRef, current, pointer, ctx));
      continue;
    }
    if (shape[0] === 'L') {
      // Pushed last first, so that problems come out in the order of the file.
      const items = current as unknown[];
      for (let i = items.length - 1; i >= 0; i--) stack.push([items[i], shape[1] as ShapeRef, `${pointer}/${i}`]);
    } else if (shape[0] === 'M') {
      for (const [key, item] of Object.entries(current as object).reverse()) stack.push([item, shape[1] as ShapeRef, `${pointer}/${escapePointerToken(key)}`]);
    } else {
      checkStructure(current as Record<string, unknown>, shape as [Record<string, ShapeRef>, string[]?], pointer, ctx, stack, problems);
    }
  }
  return problems.slice(0, MAX_PROBLEMS);
}

function wrongType(ref: ShapeRef, value: unknown, pointer: string, ctx: ShapeContext): ShapeProblem {
  return { pointer, message: `must be ${describeShape(ref, ctx.service)} in the ${ctx.title} response, not ${kindOf(value)}` };
}

function checkStructure(
  value: Record<string, unknown>,
  [fields, required]: [Record<string, ShapeRef>, string[]?],
  pointer: string,
  ctx: ShapeContext,
  stack: Array<[unknown, ShapeRef, string]>,
  problems: ShapeProblem[],
): void {
  const names = Object.keys(fields);
  const known: Array<[unknown, ShapeRef, string]> = [];
  const unknown: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    const field = Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined;
    if (field !== undefined) known.push([item, field, `${pointer}/${escapePointerToken(key)}`]);
    else unknown.push(key);
  }
  for (const key of unknown) {
    const at = `${pointer}/${escapePointerToken(key)}`;
    const near = suggestNearest(key, names);
    // The SDK's models stop at its last release, so a field the service added since is unknown to them. Outside
    // STRICT, an unknown field beside known ones is let through unless it looks like a typo of a known one; an
    // object with no known field at all (a Lambda result without its Payload wrapper) is always reported.
    if (!ctx.strict && known.length > 0 && near === undefined) continue;
    const has = names.length === 0 ? 'it has no fields' : `it has ${names.length > 12 ? `${names.slice(0, 12).join(', ')} …` : names.join(', ')}`;
    const hint = near ? `; did you mean "${near}"?` : pointer === '' && ctx.topLevelHint ? `; ${ctx.topLevelHint}` : '';
    problems.push({ pointer: at, message: `the ${ctx.title} response has no field "${key}" here (${has})${hint}` });
  }
  stack.push(...known.reverse());
  if (!ctx.strict) return;
  for (const name of required ?? []) {
    if (!(name in value)) problems.push({ pointer, message: `"${name}" is missing: the ${ctx.title} response always has it (required by --validate-stubs strict)` });
  }
}
