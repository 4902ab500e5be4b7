/**
 * `unreachable-state`: every state must be reachable from its scope's StartAt through Next, Choice
 * rules, Default and Catch. A graph search (not "is it named by someone?") so a loop of states that
 * only point at each other is caught too. Iterative and linear in states plus transitions.
 */
import type { SemanticCheck } from '../check.js';
import { suggestNearest } from '../../asl/suggest.js';
import type { MachineModel, Scope, StateNode } from '../../asl/walker.js';
import { describeScope, finding, hasUnresolvedState, isDeployTime, isKnownName, scopeView, transitions } from './util.js';

const codes = {
  'unreachable-state': { description: 'A state cannot be reached from StartAt', severity: 'error' as const },
};

export const reachabilityCheck: SemanticCheck = {
  name: 'reachability',
  codes,
  run({ model, report }) {
    for (const scope of model.scopes) {
      const unreachable = unreachableStates(model, scope);
      // Only a scope whose StartAt names one of its states has unreachable states.
      const startAt = unreachable.length > 0 ? String(scopeView(model, scope)?.StartAt) : '';
      for (const node of unreachable) {
        report(
          finding(
            codes,
            'unreachable-state',
            node.pointer,
            `State "${node.name}" can never run: no path from StartAt "${startAt}" in ` +
              `${describeScope(scope)} leads to it; add a transition to it or remove it`,
          ),
        );
      }
    }
  },
};

/** Misspelt targets looked up by their nearest name before the search gives up (bounds the cost on huge machines). */
const MAX_SUGGESTED_TARGETS = 20;

/**
 * The states of a scope that no path from StartAt reaches. Empty when StartAt itself is unusable
 * (reported by `unknown-state`), when a reachable transition names no state of the scope and no
 * state is close enough to be the one meant, or when a transition is a deploy-time placeholder we
 * cannot follow.
 */
export function unreachableStates(model: MachineModel, scope: Scope): StateNode[] {
  const view = scopeView(model, scope);
  const start = isKnownName(view?.StartAt) ? scope.byName.get(view.StartAt) : undefined;
  // A state that is a placeholder may lead anywhere: what it reaches is unknowable.
  if (!start || hasUnresolvedState(view?.States)) return [];
  const seen = new Set<StateNode>([start]);
  const queue: StateNode[] = [start];
  let suggested = 0;
  for (let i = 0; i < queue.length; i++) {
    for (const transition of transitions(queue[i]!)) {
      if (isDeployTime(transition.target)) return [];
      if (!isKnownName(transition.target)) continue;
      let next = scope.byName.get(transition.target);
      // A dangling target (reported by unknown-state) hides what the author meant to reach. A typo
      // ("NotifyFailur") is followed to the state unknown-state suggests, so the states behind it are
      // not buried under false findings while a real orphan elsewhere is still reported; with no
      // close name, what lies behind it is unknowable, so nothing is reported.
      if (!next) {
        const meant = ++suggested <= MAX_SUGGESTED_TARGETS ? suggestNearest(transition.target, scope.byName.keys()) : undefined;
        next = meant === undefined ? undefined : scope.byName.get(meant);
      }
      if (!next) return [];
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return scope.states.filter((node) => !seen.has(node) && scope.byName.get(node.name) === node);
}
