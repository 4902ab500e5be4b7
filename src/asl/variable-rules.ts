/**
 * What Step Functions refuses about workflow variables when a state machine is created ("Passing data
 * between states with variables" in the developer guide), shared by `asl validate` and `asl run`:
 *
 * - A name is a Unicode identifier (first character ID_Start, the rest ID_Continue), at most 80
 *   characters; `x.y` or `x[2]` would assign part of a
 *   variable, which Assign cannot do.
 * - A variable assigned in a nested scope (a Parallel branch, a Map processor) cannot have the name of one
 *   assigned in a scope around it. Read as "declared when the branch or iteration starts": the name is
 *   assigned on some path to the Parallel or Map state. A Parallel's or Map's own Assign, or a catcher's,
 *   runs after its branches and is not counted (LocalStack's tests, run against AWS, have a branch and its
 *   Parallel's catcher assign the same name).
 */
import { allWrites, analyzeVariables, variableWrites, writePointer, type VariableWrite } from './variables.js';
import type { MachineModel, Scope, StateNode } from './walker.js';

export const MAX_VARIABLE_NAME_LENGTH = 80;

// The guide asks for an ID_Start first character; "_" is accepted too (as the names `$name` can reference do),
// so that no definition AWS might accept is reported as an error.
const IDENTIFIER = /^[\p{ID_Start}_]\p{ID_Continue}*$/u;

/** Why `name` cannot be a variable's name, or undefined when it can. */
export function variableNameProblem(name: string): string | undefined {
  if (/[.[\]]/.test(name)) {
    const whole = name.split(/[.[]/)[0] ?? '';
    return `"${name}" assigns part of a variable, which Assign cannot do: assign the whole variable${whole ? ` ("${whole}")` : ''} instead`;
  }
  if (name.length === 0) return 'a variable needs a name';
  if (!IDENTIFIER.test(name)) return `"${name}" is not a valid variable name: it must start with a letter or "_" and continue with letters, digits or "_"`;
  if ([...name].length > MAX_VARIABLE_NAME_LENGTH) return `"${name}" is longer than the ${MAX_VARIABLE_NAME_LENGTH} characters a variable name may have`;
  return undefined;
}

/** One assignment that reuses the name of a variable assigned in an enclosing scope. */
export interface ScopeConflict {
  /** The state whose Assign (own, Choice rule's or catcher's) makes the inner write. */
  node: StateNode;
  write: VariableWrite;
  /** Pointer of the inner Assign member. */
  pointer: string;
  /** The state of an enclosing scope that assigns the same name. */
  outer: StateNode;
}

/** Every write of each state, computed once per model (validate and run both ask for names and scopes). */
const writesCache = new WeakMap<MachineModel, Map<StateNode, VariableWrite[]>>();

function writesOf(model: MachineModel): Map<StateNode, VariableWrite[]> {
  let writes = writesCache.get(model);
  if (!writes) {
    writes = new Map();
    for (const node of model.states) writes.set(node, allWrites(variableWrites(node)));
    writesCache.set(model, writes);
  }
  return writes;
}

/** First writer of each name directly in `scope` (not in scopes nested in it). */
function writersIn(scope: Scope, writes: Map<StateNode, VariableWrite[]>): Map<string, StateNode> {
  const out = new Map<string, StateNode>();
  for (const node of scope.states) {
    for (const write of writes.get(node) ?? []) if (!out.has(write.name)) out.set(write.name, node);
  }
  return out;
}

/** Every inner assignment whose name an enclosing scope also assigns, in source order. */
export function scopeConflicts(model: MachineModel): ScopeConflict[] {
  const writes = writesOf(model);
  const own = new Map<Scope, Map<string, StateNode>>();
  const enclosing = new Map<Scope, Map<string, StateNode>>();
  const conflicts: ScopeConflict[] = [];
  // model.scopes lists a scope before the scopes nested in it, so each one's enclosing names are ready.
  for (const scope of model.scopes) {
    const writers = writersIn(scope, writes);
    own.set(scope, writers);
    const parent = scope.owner?.scope;
    let outer = new Map<string, StateNode>();
    if (parent) {
      const parentOuter = enclosing.get(parent) ?? new Map<string, StateNode>();
      const parentOwn = own.get(parent) ?? new Map<string, StateNode>();
      outer = parentOuter.size === 0 ? parentOwn : new Map([...parentOwn, ...parentOuter]);
    }
    enclosing.set(scope, outer);
    if (outer.size === 0) continue;
    for (const node of scope.states) {
      for (const write of writes.get(node) ?? []) {
        const other = outer.get(write.name);
        // The flow analysis is built only when a name is reused at all, which few machines do.
        if (other && scope.owner && analyzeVariables(model).isVisible(scope.owner, write.name)) conflicts.push({ node, write, pointer: writePointer(write), outer: other });
      }
    }
  }
  return conflicts;
}

/** Every Assign key whose name is not a valid variable name, with why. */
export function badVariableNames(model: MachineModel): Array<{ node: StateNode; write: VariableWrite; pointer: string; problem: string }> {
  const out: Array<{ node: StateNode; write: VariableWrite; pointer: string; problem: string }> = [];
  for (const [node, writes] of writesOf(model)) {
    for (const write of writes) {
      const problem = variableNameProblem(write.name);
      if (problem) out.push({ node, write, pointer: writePointer(write), problem });
    }
  }
  return out;
}
