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
 * Cost is linear in the fields written: each is looked up in its table once.
 */
import { isObject } from './is-object.js';
import { isUnresolved } from './unresolved.js';
import { DEFINITION_FIELDS, STATE_FIELDS, UNKNOWN_STATE_FIELDS, type FieldSpec, type FieldTable, type Kind } from './state-fields.js';
import type { StateMachineDefinition, StateView } from './types.js';

const OMIT = Symbol('omit');

/**
 * The object as written behind every view, nested ones included (a retrier, a Choice rule, Credentials …),
 * for the few questions that are about the JSON itself rather than its fields: which keys a person wrote,
 * misspelt ones included, and a value of the wrong kind that a check explains. A list entry that was not
 * an object has none. It is kept on the view itself, under a symbol and not enumerable, so no key listing,
 * spread, comparison or JSON output of a view sees it; a WeakMap from view to object made validate a
 * sixth slower on a 20,000-state machine (every entry is garbage-collector bookkeeping).
 */
const WRITTEN: unique symbol = Symbol('written');

/** The object as written that a view was projected from; undefined for a list entry that was not an object. */
export function asWritten(view: object): Readonly<Record<string, unknown>> | undefined {
  return (view as { [WRITTEN]?: Readonly<Record<string, unknown>> })[WRITTEN];
}

/** The typed view of one state object as written. */
export function stateView(raw: Record<string, unknown>): StateView {
  const type = raw.Type;
  const table: FieldTable | undefined = typeof type === 'string' && Object.hasOwn(STATE_FIELDS, type) ? STATE_FIELDS[type as keyof typeof STATE_FIELDS] : undefined;
  const view = project(raw, table ?? UNKNOWN_STATE_FIELDS);
  if (table) view.Type = type;
  return typed<StateView>(view);
}

/** The typed view of a definition's top level. */
export function definitionView(raw: Record<string, unknown>): StateMachineDefinition {
  return typed<StateMachineDefinition>(project(raw, DEFINITION_FIELDS));
}

/**
 * The one place a parsed value becomes a typed view, and the only cast the model needs: `project()` has
 * checked every field it kept against the table that `state-fields.ts` ties to the type.
 */
function typed<View>(projected: Record<string, unknown>): View {
  return projected as unknown as View;
}

/** An object still to be projected into its (already attached) view. */
interface Pending {
  readonly raw: Record<string, unknown>;
  readonly table: FieldTable;
  readonly view: Record<string, unknown>;
}

/**
 * Iterative, like the walker: Choice rules nest (`Not` in `Not` …) as deep as a definition object passed to
 * the library is deep, so recursion could overflow the stack.
 */
function project(raw: Record<string, unknown>, table: FieldTable): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  const pending: Pending[] = [{ raw, table, view: root }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    Object.defineProperty(next.view, WRITTEN, { value: next.raw });
    for (const key of Object.keys(next.raw)) {
      if (!Object.hasOwn(next.table, key)) continue;
      const value = projectValue(next.raw[key], next.table[key]!, pending);
      if (value !== OMIT) next.view[key] = value;
    }
  }
  return root;
}

function projectValue(value: unknown, spec: FieldSpec, pending: Pending[]): unknown {
  if ('json' in spec) return value;
  if ('kinds' in spec) {
    const kind = kindOf(value);
    if (kind !== undefined && spec.kinds.includes(kind) && (spec.oneOf === undefined || spec.oneOf.includes(value as string))) return value;
    return isUnresolved(value) ? value : OMIT;
  }
  if ('strings' in spec) return Array.isArray(value) && value.every((entry) => typeof entry === 'string') ? value : OMIT;
  if ('list' in spec) return Array.isArray(value) ? value.map((entry) => (isObject(entry) ? later(entry, spec.list, pending) : {})) : OMIT;
  return isObject(value) ? later(value, spec.record, pending) : OMIT;
}

/** An empty view for a nested object, filled in when the loop reaches it. */
function later(raw: Record<string, unknown>, table: FieldTable, pending: Pending[]): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  pending.push({ raw, table, view });
  return view;
}

function kindOf(value: unknown): Kind | undefined {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' || type === 'object' ? type : undefined;
}
