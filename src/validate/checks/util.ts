/**
 * Small helpers shared by the semantic checks. The schema stage owns shapes and types, so every
 * helper here answers "is this value usable?" and the checks stay silent when it is not.
 */
import type { Finding, Severity } from '../../diagnostics.js';
import { transitionsOf, type MachineModel, type Scope, type StateNode, type Transition } from '../../asl/walker.js';
import type { JsonObject, MapState, ParallelState, PassState, StateMachineDefinition, StateView, SubMachine, TaskState, WaitState } from '../../asl/types.js';
import { hasPlaceholder, isUnresolved } from '../../asl/unresolved.js';

export { isObject } from '../../asl/is-object.js';
export { writes, writtenAsObject, writtenKeys, writtenValue } from '../../asl/as-written.js';

/** A finite number we can compare (unresolved deploy-time values are not). */
export function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A value that will only be known at deploy time (an intrinsic object or a `${...}` substitution). */
export function isDeployTime(value: unknown): boolean {
  return isUnresolved(value) || (typeof value === 'string' && hasPlaceholder(value));
}

/**
 * The view of the object that holds a scope's `StartAt` and `States`: the machine's top level, a Parallel
 * branch or a Map processor (undefined only for a scope no view holds, which the walker never builds).
 */
export function scopeView(model: MachineModel, scope: Scope): SubMachine | StateMachineDefinition | undefined {
  const owner = scope.owner?.state;
  if (owner === undefined) return model.topLevel;
  if (owner.Type === 'Parallel') return owner.Branches?.[scope.index ?? -1];
  // The walker takes ItemProcessor when it is an object, else Iterator; the view holds each only as an object.
  if (owner.Type === 'Map') return owner.ItemProcessor ?? owner.Iterator;
  return undefined;
}

/**
 * A state whose whole body is a placeholder (`"Charge": ${ChargeState}`): it exists, but what it is and
 * where it goes are known only after deployment, so nothing that depends on them can be judged.
 */
export function isUnresolvedState(states: JsonObject | undefined, name: string): boolean {
  return states !== undefined && Object.hasOwn(states, name) && isUnresolved(states[name]);
}

/** True when a scope's `States` hold a state that is a placeholder (see isUnresolvedState). */
export function hasUnresolvedState(states: JsonObject | undefined): boolean {
  return states !== undefined && Object.values(states).some(isUnresolved);
}

/** A state name we can look up: a real string, not a deploy-time placeholder. */
export function isKnownName(value: unknown): value is string {
  return typeof value === 'string' && !hasPlaceholder(value);
}

/** Builds a finding with the severity the check declared for its code. */
export function finding(
  codes: Record<string, { severity: Severity }>,
  code: string,
  path: string,
  message: string,
  hint?: string,
): Finding {
  const severity = codes[code]?.severity ?? 'error';
  return hint === undefined ? { code, severity, message, path } : { code, severity, message, path, hint };
}

/** "the state machine", "branch 0 of "Fan out"", "the processor of "Each order"". */
export function describeScope(scope: Scope): string {
  if (!scope.owner) return 'the top level of the state machine';
  if (scope.kind === 'branch') return `branch ${scope.index} of "${scope.owner.name}"`;
  return `the processor of "${scope.owner.name}"`;
}

/** The state types that move on with Next or stop with End. */
export type MovingState = TaskState | PassState | WaitState | ParallelState | MapState;

const MOVING_TYPES: ReadonlySet<StateView['Type']> = new Set(['Task', 'Pass', 'Wait', 'Parallel', 'Map']);

/** True for a state of a type that moves on with Next or stops with End. */
export function movesOn(state: StateView): state is MovingState {
  return MOVING_TYPES.has(state.Type);
}

/** True when a state ends its scope's execution. `End: false` is no end. */
export function isTerminal(node: StateNode): boolean {
  const state = node.state;
  return state.Type === 'Succeed' || state.Type === 'Fail' || ('End' in state && state.End === true);
}

/** The effective query language of the state. */
export function isJsonata(node: StateNode): boolean {
  return node.queryLanguage === 'JSONata';
}

const transitionCache = new WeakMap<StateNode, Transition[]>();

/** The walker's transitionsOf, computed once per state and shared by the checks that follow transitions. */
export function transitions(node: StateNode): Transition[] {
  let cached = transitionCache.get(node);
  if (!cached) {
    cached = transitionsOf(node);
    transitionCache.set(node, cached);
  }
  return cached;
}
