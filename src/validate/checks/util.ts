/**
 * Small helpers shared by the semantic checks. The schema stage owns shapes and types, so every
 * helper here answers "is this value usable?" and the checks stay silent when it is not.
 */
import type { Finding, Severity } from '../../diagnostics.js';
import { transitionsOf, type Scope, type StateNode, type Transition } from '../../asl/walker.js';
import { hasPlaceholder, isUnresolved } from '../../asl/unresolved.js';

export { isObject } from '../../asl/is-object.js';

/** A finite number we can compare (unresolved deploy-time values are not). */
export function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function has(raw: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(raw, key) && raw[key] !== undefined;
}

/** A value that will only be known at deploy time (an intrinsic object or a `${...}` substitution). */
export function isDeployTime(value: unknown): boolean {
  return isUnresolved(value) || (typeof value === 'string' && hasPlaceholder(value));
}

/**
 * A state whose whole body is a placeholder (`"Charge": ${ChargeState}`): it exists, but what it is and
 * where it goes are known only after deployment, so nothing that depends on them can be judged.
 */
export function isUnresolvedState(scope: Scope, name: string): boolean {
  const states = scope.raw.States;
  return states !== null && typeof states === 'object' && Object.prototype.hasOwnProperty.call(states, name) && isUnresolved((states as Record<string, unknown>)[name]);
}

/** True when a scope holds a state that is a placeholder (see isUnresolvedState). */
export function hasUnresolvedState(scope: Scope): boolean {
  const states = scope.raw.States;
  return states !== null && typeof states === 'object' && Object.values(states).some(isUnresolved);
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

/** State types that move on with Next or stop with End. */
export const TRANSITIONING_TYPES = new Set(['Task', 'Pass', 'Wait', 'Parallel', 'Map']);

/** True when a state ends its scope's execution. `End: false` is no end. */
export function isTerminal(node: StateNode): boolean {
  return node.type === 'Succeed' || node.type === 'Fail' || node.raw.End === true;
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
