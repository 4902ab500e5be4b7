/**
 * Questions about the JSON as written rather than its typed view (`node.state`): which keys a person wrote,
 * misspelt ones and values of the wrong kind included. A few checks are about exactly that (two fields that
 * exclude each other, a field the query language does not allow, a misspelt Choice operator), and the picture
 * of a broken machine shows what was written. Everything else reads the view. Field names are the typed ones,
 * so a misspelt name here does not compile either. With `state-view.ts` and the walker's structure, this is
 * the only code that reads a state object as written.
 */
import { asWritten } from './state-view.js';
import type { StateFieldName } from './types.js';
import type { StateNode } from './walker.js';

/**
 * Whether the state as written has this key, whatever its value: for the checks that are about which keys a
 * person wrote (two fields that exclude each other, a field the query language does not allow), where a value
 * of the wrong kind still counts as written. Values are read through `node.state`.
 */
export function writesField(node: StateNode, field: StateFieldName): boolean {
  return Object.hasOwn(node.raw, field) && node.raw[field] !== undefined;
}

/**
 * The value of a field as written, of whatever kind, on whatever state type: for what shows a person their
 * own text (the picture of a broken machine draws an `"End": true` written on a Choice). Checks, rules and
 * executors read the typed view instead.
 */
export function writtenField(node: StateNode, field: StateFieldName): unknown {
  return Object.hasOwn(node.raw, field) ? node.raw[field] : undefined;
}

/**
 * Whether the object as written behind a view (a Choice rule, an ItemBatcher, a catcher …) has this key,
 * whatever its value: `writesField` for nested objects, for checks about which keys a person wrote.
 */
export function writes<T extends object>(view: T, key: keyof T & string): boolean {
  const written = asWritten(view);
  return written !== undefined && Object.hasOwn(written, key) && written[key] !== undefined;
}

/**
 * The value as written behind a view's field, whatever its kind: only for a value the view leaves out that a
 * check must still tell apart (a deploy-time placeholder where the field takes one of a few words).
 */
export function writtenValue<T extends object>(view: T, key: keyof T & string): unknown {
  const written = asWritten(view);
  return written !== undefined && Object.hasOwn(written, key) ? written[key] : undefined;
}

/**
 * False for a list entry (a retrier, a catcher, a Choice rule) that was not an object as written: the view
 * sees it as an entry with no fields so indices hold, and the schema reports it.
 */
export function writtenAsObject(entry: object): boolean {
  return asWritten(entry) !== undefined;
}

/** The keys of the object as written behind a view, in the order written, misspelt ones included. */
export function writtenKeys(view: object): string[] {
  const written = asWritten(view);
  return written === undefined ? [] : Object.keys(written);
}
