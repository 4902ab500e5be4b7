/**
 * The typed view of a state: the walker builds one per state (`StateNode.state`) and every check, rule,
 * executor and graph builder reads fields through it.
 *
 * The view is a projection of the object as written through the field tables of `state-fields.ts`: a field is
 * kept only when its value has the kind its type declares, so what the types promise holds at run time, on
 * a definition the schema stage rejects too. Three rules keep that honest without hiding anything a check
 * needs:
 * - a field that is not a field of the state's type, or holds a value of the wrong kind, is left out (the
 *   schema stage reports it, at its place in the raw JSON, which stays on the node);
 * - a scalar field holding a deploy-time value (a CloudFormation intrinsic object, or a string that is one
 *   whole `${…}` placeholder) keeps it, typed `Unresolved`, since a template may put one anywhere;
 * - an entry of a list (a retrier, a catcher, a Choice rule, a branch) that is not an object is seen as an
 *   entry with no fields, so the view's indices are the file's indices and pointers built from them hold.
 * A state written as its type says (nearly every one) is its own view: the object as written, checked and not
 * copied. Only one that holds something the type does not allow is copied, field by field. Cost is linear in
 * the fields written: each is looked up in its table once, or twice when the state is copied.
 */
import { isObject } from './is-object.js';
import { isUnresolved } from './unresolved.js';
import { DEFINITION_FIELDS, STATE_FIELDS, UNKNOWN_STATE_FIELDS, flag, json, numberOrExpression, path, text, type FieldSpec, type FieldTable, type Kind } from './state-fields.js';
import type { StateMachineDefinition, StateView } from './types.js';

const OMIT = Symbol('omit');

/**
 * The object as written behind each view that is a copy, nested ones included (a retrier, a Choice rule,
 * Credentials …); `null` for a list entry that was not an object. A view that is not here is the object as
 * written itself: most states are written as their type says, and then no copy is made (see `project`).
 */
const copiedFrom = new WeakMap<object, Readonly<Record<string, unknown>> | null>();

/**
 * The object as written that a view stands for, for the few questions that are about the JSON itself rather
 * than its fields: which keys a person wrote, misspelt ones included, and a value of the wrong kind that a
 * check explains. Undefined for a list entry that was not an object.
 */
export function asWritten(view: object): Readonly<Record<string, unknown>> | undefined {
  const written = copiedFrom.get(view);
  return written === null ? undefined : (written ?? (view as Readonly<Record<string, unknown>>));
}

/** The typed view of one state object as written. */
export function stateView(raw: Record<string, unknown>): StateView {
  const type = raw.Type;
  const table: FieldTable | undefined = typeof type === 'string' && Object.hasOwn(STATE_FIELDS, type) ? STATE_FIELDS[type as keyof typeof STATE_FIELDS] : undefined;
  if (table && conforms(raw, table, true)) return typed<StateView>(raw);
  const view = copy(raw, table ?? UNKNOWN_STATE_FIELDS);
  if (table) view.Type = type;
  return typed<StateView>(view);
}

/** The typed view of a definition's top level. */
export function definitionView(raw: Record<string, unknown>): StateMachineDefinition {
  return typed<StateMachineDefinition>(conforms(raw, DEFINITION_FIELDS, false) ? raw : copy(raw, DEFINITION_FIELDS));
}

/**
 * The one place a parsed value becomes a typed view, and the only cast the model needs: `conforms()` has
 * checked every field of the object against the table that `state-fields.ts` ties to the type, or `copy()`
 * has kept only the fields that passed.
 */
function typed<View>(checked: Record<string, unknown>): View {
  return checked as unknown as View;
}

/**
 * Whether the object as written is already its own view: every key a field of the table (and, for a state,
 * its `Type`), every value of its field's kind, nested objects likewise. The common case, so it allocates
 * nothing but its stack, and stops at the first field that does not fit. Iterative, like the walker: Choice
 * rules nest (`Not` in `Not` …) as deep as a definition object passed to the library is deep.
 */
function conforms(raw: Record<string, unknown>, table: FieldTable, hasType: boolean): boolean {
  const objects: Record<string, unknown>[] = [raw];
  const tables: FieldTable[] = [table];
  for (let top = true; objects.length > 0; top = false) {
    const object = objects.pop()!;
    const fields = tables.pop()!;
    for (const key of Object.keys(object)) {
      if (top && hasType && key === 'Type') continue;
      if (!Object.hasOwn(fields, key)) return false;
      const spec = fields[key]!;
      const value = object[key];
      if (isCommonKind(value, spec)) continue;
      if ('kinds' in spec) {
        if (!hasKind(value, spec)) return false;
      } else if ('strings' in spec) {
        if (!isStringList(value)) return false;
      } else if ('list' in spec) {
        if (!Array.isArray(value)) return false;
        for (const entry of value) {
          if (!isObject(entry)) return false;
          objects.push(entry);
          tables.push(spec.list);
        }
      } else if ('record' in spec) {
        if (!isObject(value)) return false;
        objects.push(value);
        tables.push(spec.record);
      }
    }
  }
  return true;
}

/** The quick answer for the specs most fields share (any JSON, a string, a flag, a number or expression, a path). */
function isCommonKind(value: unknown, spec: FieldSpec): boolean {
  if (spec === json) return true;
  const type = typeof value;
  if (spec === text) return type === 'string';
  if (spec === numberOrExpression) return type === 'number' || type === 'string';
  if (spec === flag) return type === 'boolean';
  return spec === path && (type === 'string' || value === null);
}

/** An object still to be copied into its (already attached) view. */
interface Pending {
  readonly raw: Record<string, unknown>;
  readonly table: FieldTable;
  readonly view: Record<string, unknown>;
}

/** The view of an object that does not conform: a copy of the fields that do. Iterative, like `conforms`. */
function copy(raw: Record<string, unknown>, table: FieldTable): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  copiedFrom.set(root, raw);
  const pending: Pending[] = [{ raw, table, view: root }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    for (const key of Object.keys(next.raw)) {
      if (!Object.hasOwn(next.table, key)) continue;
      const value = copyValue(next.raw[key], next.table[key]!, pending);
      if (value !== OMIT) next.view[key] = value;
    }
  }
  return root;
}

function copyValue(value: unknown, spec: FieldSpec, pending: Pending[]): unknown {
  if ('json' in spec) return value;
  if ('kinds' in spec) return hasKind(value, spec) ? value : OMIT;
  if ('strings' in spec) return isStringList(value) ? value : OMIT;
  if ('list' in spec) return Array.isArray(value) ? value.map((entry) => (isObject(entry) ? later(entry, spec.list, pending) : notAnObject())) : OMIT;
  return isObject(value) ? later(value, spec.record, pending) : OMIT;
}

/** An empty view for a nested object, filled in when the loop reaches it. */
function later(raw: Record<string, unknown>, table: FieldTable, pending: Pending[]): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  copiedFrom.set(view, raw);
  pending.push({ raw, table, view });
  return view;
}

/** The entry with no fields that stands for a list entry that was not an object, so indices hold. */
function notAnObject(): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  copiedFrom.set(view, null);
  return view;
}

/** A value of one of the spec's kinds (one of its words, if it lists them), or a deploy-time value. */
function hasKind(value: unknown, spec: { readonly kinds: readonly Kind[]; readonly oneOf?: readonly string[] }): boolean {
  const kind = kindOf(value);
  if (kind !== undefined && spec.kinds.includes(kind)) return spec.oneOf === undefined || spec.oneOf.includes(value as string) || isUnresolved(value);
  return isUnresolved(value);
}

function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

function kindOf(value: unknown): Kind | undefined {
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return value === null ? 'null' : Array.isArray(value) ? 'array' : 'object';
    default:
      return undefined;
  }
}
