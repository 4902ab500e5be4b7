/**
 * The few things the picture takes from a state as written rather than from its typed view (`node.state`).
 * The view leaves out a value of the wrong kind and a field the state type does not have, and shows a list
 * entry that is not an object as `{}`; that is right for checks, which the schema stage backs up, but a
 * picture is what people reach for to see what is wrong with a machine. So it draws every transition a
 * person wrote (a target that names no state, or is not a name at all, such as `"Next": 42`, points at a
 * "missing" node), every `"End": true`, and marks a retrier it cannot read instead of drawing a default one.
 * Field names here are the typed ones (`StateFieldName`, `keyof Retrier`), so a misspelt name does not compile.
 */
import { isObject } from '../asl/is-object.js';
import { joinPointer } from '../asl/pointer.js';
import type { Catcher, ChoiceRule, Retrier } from '../asl/types.js';
import type { StateFieldName, StateNode, Transition } from '../asl/walker.js';
import type { RetrierAsWritten } from './labels.js';

/** Whether the state as written has the key (even with the value `undefined`, as a definition built in code may). */
function writes(node: StateNode, field: StateFieldName): boolean {
  return Object.hasOwn(node.raw, field);
}

/** A field of the state as written, whatever its value. */
function written(node: StateNode, field: StateFieldName): unknown {
  return writes(node, field) ? node.raw[field] : undefined;
}

/** Whether an object as written (a rule, a catcher, a retrier) has the key, whatever its value. */
function has(entry: Record<string, unknown>, key: keyof ChoiceRule | keyof Catcher | keyof Retrier): boolean {
  return key in entry;
}

/**
 * The transitions a state declares as written, in the order the picture draws them (Next, each Choice rule,
 * Default, each catcher), each with the pointer of the field that names the target. Unlike the walker's
 * `transitionsOf`, which reads the view, a target of any kind counts, and so do a Next or Catch on a state
 * type that has none; the list indices are the file's, as in the view.
 */
export function transitionsAsWritten(node: StateNode): Transition[] {
  const out: Transition[] = [];
  if (writes(node, 'Next')) out.push({ target: written(node, 'Next'), pointer: joinPointer(node.pointer, 'Next'), kind: 'next' });
  if (node.type === 'Choice') {
    const rules = written(node, 'Choices');
    if (Array.isArray(rules)) {
      rules.forEach((rule: unknown, i) => {
        if (isObject(rule) && has(rule, 'Next')) out.push({ target: rule.Next, pointer: joinPointer(node.pointer, 'Choices', i, 'Next'), kind: 'choice' });
      });
    }
    if (writes(node, 'Default')) out.push({ target: written(node, 'Default'), pointer: joinPointer(node.pointer, 'Default'), kind: 'default' });
  }
  const catchers = written(node, 'Catch');
  if (Array.isArray(catchers)) {
    catchers.forEach((catcher: unknown, i) => {
      if (isObject(catcher) && has(catcher, 'Next')) out.push({ target: catcher.Next, pointer: joinPointer(node.pointer, 'Catch', i, 'Next'), kind: 'catch' });
    });
  }
  return out;
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
