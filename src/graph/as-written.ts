/**
 * The few things the picture takes from a state as written rather than from its typed view (`node.state`).
 * The view leaves out a value of the wrong kind and a field the state type does not have, and shows a list
 * entry that is not an object as `{}`; that is right for checks, which the schema stage backs up, but a
 * picture is what people reach for to see what is wrong with a machine. So it draws every `"End": true`, and
 * marks a retrier it cannot read instead of drawing a default one. (Every transition a person wrote, of any
 * kind, comes from the walker's `transitionsOf`.)
 * It asks `asl/as-written.ts` (`writtenField`, `writes`, `writtenAsObject`), which reads the JSON as written by typed
 * field names, so a misspelt name does not compile.
 */
import { type StateNode } from '../asl/walker.js';
import { writes, writtenAsObject, writtenField } from '../asl/as-written.js';
import type { Retrier } from '../asl/types.js';
import type { RetrierAsWritten } from './labels.js';

/** Whether the state as written says `"End": true`, on whatever state type. */
export function endsAsWritten(node: StateNode): boolean {
  return writtenField(node, 'End') === true;
}

/**
 * A retrier as written, for its label: not an object at all (undefined), or whether it writes MaxAttempts (a
 * value of the wrong kind is left out of the view, and the label shows "?" for it, not 3).
 */
export function retrierAsWritten(retrier: Retrier): RetrierAsWritten {
  return writtenAsObject(retrier) ? { writesMaxAttempts: writes(retrier, 'MaxAttempts') } : undefined;
}
