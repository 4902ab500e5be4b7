/**
 * `unknown-state`: StartAt and every transition (Next, Default, Choice rule Next, Catch Next) must
 * name a state of the same scope. A Parallel branch or Map processor is a scope of its own, so a
 * name that exists only in another scope is still an error, and the message says where it lives.
 */
import type { SemanticCheck } from '../check.js';
import { joinPointer } from '../../asl/pointer.js';
import { suggestNearest } from '../../asl/suggest.js';
import type { MachineModel, Scope, StateNode } from '../../asl/walker.js';
import { describeScope, finding, isKnownName, isUnresolvedState, movesOn, scopeView, transitions } from './util.js';

const codes = {
  'unknown-state': { description: 'StartAt or a transition names a state that does not exist in its scope', severity: 'error' as const },
};

const SUGGESTION_BUDGET = 2_000_000;

export const referencesCheck: SemanticCheck = {
  name: 'references',
  codes,
  run({ model, report }) {
    let elsewhere: Map<string, StateNode> | undefined;
    // Suggestions compare a name with every state of its scope; a budget keeps a definition full of
    // broken references linear (past it, messages simply carry no suggestion).
    let suggestionBudget = SUGGESTION_BUDGET;
    const nearest = (target: string, scope: Scope): string | undefined => {
      suggestionBudget -= scope.byName.size;
      return suggestionBudget >= 0 ? suggestNearest(target, scope.byName.keys()) : undefined;
    };
    const locate = (name: string): StateNode | undefined => {
      elsewhere ??= indexAllStates(model);
      return elsewhere.get(name);
    };
    const check = (target: unknown, pointer: string, scope: Scope, field: string): void => {
      if (!isKnownName(target) || scope.byName.has(target) || isUnresolvedState(scopeView(model, scope)?.States, target)) return;
      report(finding(codes, 'unknown-state', pointer, messageFor(field, target, scope, locate(target), nearest)));
    };

    for (const scope of model.scopes) {
      const view = scopeView(model, scope);
      if (view?.States === undefined) continue;
      check(view.StartAt, joinPointer(scope.pointer, 'StartAt'), scope, 'StartAt');
    }
    for (const node of model.states) {
      for (const transition of transitions(node)) {
        // Only the types that move on have a Next of their own; on others the schema reports the field itself.
        if (transition.kind === 'next' && !movesOn(node.state)) continue;
        check(transition.target, transition.pointer, node.scope, fieldLabel(transition.kind));
      }
    }
  },
};

function fieldLabel(kind: 'next' | 'default' | 'choice' | 'catch'): string {
  return { next: 'Next', default: 'Default', choice: 'Next', catch: 'Catch Next' }[kind];
}

function indexAllStates(model: MachineModel): Map<string, StateNode> {
  const out = new Map<string, StateNode>();
  for (const node of model.states) if (!out.has(node.name)) out.set(node.name, node);
  return out;
}

function messageFor(
  field: string,
  target: string,
  scope: Scope,
  other: StateNode | undefined,
  nearest: (target: string, scope: Scope) => string | undefined,
): string {
  const where = describeScope(scope);
  if (other && other.scope !== scope) {
    const home = describeScope(other.scope);
    return (
      `${field} "${target}" is a state in ${home}, not in ${where}; ` +
      `a state can only go to states in its own ${scopeNoun(scope)}`
    );
  }
  const suggestion = nearest(target, scope);
  const fix = suggestion ? `did you mean "${suggestion}"?` : `name one of the states in ${where}`;
  return `${field} "${target}" does not exist; ${fix}`;
}

function scopeNoun(scope: Scope): string {
  if (scope.kind === 'branch') return 'branch';
  if (scope.kind === 'processor') return 'Map processor';
  return 'scope (states inside a Parallel branch or Map processor cannot be reached from outside)';
}
