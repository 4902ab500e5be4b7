/**
 * Which workflow variables a state assigns, by the outcome that applies the assignment: the state's own
 * `Assign` when it succeeds (a Choice state's own `Assign` goes with `Default`), a Choice rule's `Assign` when
 * that rule matches, a catcher's `Assign` when it catches. In JSONPath a key `name.$` assigns `name` from a path
 * or intrinsic; in JSONata the key is the name. Read from the state's typed view.
 */
import { joinPointer } from './pointer.js';
import type { JsonObject } from './types.js';
import type { StateNode } from './walker.js';

export interface VariableWrite {
  name: string;
  /** Pointer of the `Assign` object; the member is `writePointer(write)` (built on demand: most are never reported). */
  assign: string;
  /** The member's key as written (`name` or `name.$`). */
  key: string;
}

/** Pointer of the `Assign` member that makes a write. */
export function writePointer(write: VariableWrite): string {
  return joinPointer(write.assign, write.key);
}

/** Where a state's writes apply: on success, on one Choice rule, on Default, or on one catcher. */
export interface StateWrites {
  success: VariableWrite[];
  /** Choice rule index → its writes. */
  choices: Map<number, VariableWrite[]>;
  /** Catcher index → its writes. */
  catches: Map<number, VariableWrite[]>;
}

const NONE: VariableWrite[] = [];

/** Shared by every state without Choice-rule or catcher writes (never written to). */
const NO_WRITES: Map<number, VariableWrite[]> = new Map();

/** What a state assigns, by the outcome that applies it. */
export function variableWrites(node: StateNode): StateWrites {
  const state = node.state;
  const jsonata = node.queryLanguage === 'JSONata';
  return {
    success: writesOf('Assign' in state ? state.Assign : undefined, joinPointer(node.pointer, 'Assign'), jsonata),
    choices: state.Type === 'Choice' ? entryWrites(state.Choices, node.pointer, 'Choices', jsonata) : NO_WRITES,
    catches: 'Catch' in state ? entryWrites(state.Catch, node.pointer, 'Catch', jsonata) : NO_WRITES,
  };
}

/** Every write of a state, whatever outcome applies it. */
export function allWrites(writes: StateWrites): VariableWrite[] {
  if (writes.choices.size === 0 && writes.catches.size === 0) return writes.success;
  return [...writes.success, ...[...writes.choices.values()].flat(), ...[...writes.catches.values()].flat()];
}

/** The writes of each entry of a list (Choice rules, catchers) that has an `Assign`, by index. */
function entryWrites(
  entries: readonly { readonly Assign?: JsonObject }[] | undefined,
  statePointer: string,
  field: 'Choices' | 'Catch',
  jsonata: boolean,
): Map<number, VariableWrite[]> {
  let out = NO_WRITES;
  entries?.forEach((entry, i) => {
    if (entry.Assign === undefined) return;
    if (out === NO_WRITES) out = new Map();
    out.set(i, writesOf(entry.Assign, joinPointer(statePointer, field, i, 'Assign'), jsonata));
  });
  return out;
}

function writesOf(assign: JsonObject | undefined, pointer: string, jsonata: boolean): VariableWrite[] {
  if (assign === undefined) return NONE;
  return Object.keys(assign).map((key) => ({ name: !jsonata && key.endsWith('.$') ? key.slice(0, -2) : key, assign: pointer, key }));
}
