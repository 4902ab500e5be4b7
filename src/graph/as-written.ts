/**
 * The few things the picture takes from a state as written rather than from its typed view (`node.state`).
 * The view leaves out a value of the wrong kind and a field the state type does not have, and shows a list
 * entry that is not an object as `{}`; that is right for checks, which the schema stage backs up, but a
 * picture is what people reach for to see what is wrong with a machine. So it draws every `"End": true`, and
 * marks a retrier it cannot read instead of drawing a default one. (Every transition a person wrote, of any
 * kind, comes from the walker's `transitionsOf`.)
 * Field names here are the typed ones (`StateFieldName`, `keyof Retrier`), so a misspelt name does not compile.
 */
import { isObject } from '../asl/is-object.js';
import type { Retrier } from '../asl/types.js';
import type { StateFieldName, StateNode } from '../asl/walker.js';
import type { RetrierAsWritten } from './labels.js';

/** Whether the state as written has the key (even with the value `undefined`, as a definition built in code may). */
function writes(node: StateNode, field: StateFieldName): boolean {
  return Object.hasOwn(node.raw, field);
}

/** A field of the state as written, whatever its value. */
function written(node: StateNode, field: StateFieldName): unknown {
  return writes(node, field) ? node.raw[field] : undefined;
}

/** Whether a retrier as written has the key, whatever its value. */
function has(entry: Record<string, unknown>, key: keyof Retrier): boolean {
  return key in entry;
}

/** Whether the state as written says `"End": true`, on whatever state type. */
export function endsAsWritten(node: StateNode): boolean {
  return written(node, 'End') === true;
}

/**
 * Retrier `index` as written, for its label: not an object at all (undefined), or whether it writes
 * MaxAttempts (a value of the wrong kind is left out of the view, and the label shows "?" for it, not 3).
 */
export function retrierAsWritten(node: StateNode, index: number): RetrierAsWritten {
  const retriers = written(node, 'Retry');
  const retrier: unknown = Array.isArray(retriers) ? retriers[index] : undefined;
  return isObject(retrier) ? { writesMaxAttempts: has(retrier, 'MaxAttempts') } : undefined;
}
