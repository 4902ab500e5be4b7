/**
 * How states end. Every scope needs a state that ends it (Succeed, Fail, or `End: true`), and every
 * state that moves on (Task, Pass, Wait, Parallel, Map) needs exactly one of `Next` and `End`.
 * Choice, Succeed and Fail accept neither field; the schema reports those as unknown fields.
 */
import type { SemanticCheck } from '../check.js';
import { joinPointer } from '../../asl/pointer.js';
import { writesField } from '../../asl/as-written.js';
import { describeScope, finding, hasUnresolvedState, isTerminal, movesOn, scopeView } from './util.js';

const codes = {
  'no-terminal-state': { description: 'A scope has no Succeed, Fail or End: true state, so it can never finish', severity: 'error' as const },
  'missing-transition': { description: 'A state has neither Next nor End: true', severity: 'error' as const },
  'next-and-end': { description: 'A state has both Next and End: true', severity: 'error' as const },
};

export const terminationCheck: SemanticCheck = {
  name: 'termination',
  codes,
  run({ model, report }) {
    for (const scope of model.scopes) {
      // No states (or no States object) is the schema's to report.
      if (scope.states.length === 0) continue;
      if (scope.states.some(isTerminal)) continue;
      // Without a single well-formed Type we cannot tell; the schema reports the types.
      if (scope.states.some((node) => node.type === undefined)) continue;
      // A state that is a placeholder may well be the one that ends it.
      if (hasUnresolvedState(scopeView(model, scope)?.States)) continue;
      report(
        finding(
          codes,
          'no-terminal-state',
          joinPointer(scope.pointer, 'States'),
          `No state in ${describeScope(scope)} ends the execution; ` +
            'add a Succeed or Fail state, or set "End": true on the last state',
        ),
      );
    }

    for (const node of model.states) {
      const state = node.state;
      if (!movesOn(state)) continue;
      // A Next of the wrong kind is still a Next (the schema reports its kind).
      const hasNext = writesField(node, 'Next');
      const ends = state.End === true;
      if (hasNext && ends) {
        report(
          finding(
            codes,
            'next-and-end',
            joinPointer(node.pointer, 'End'),
            `State "${node.name}" has both "Next" and "End": true; keep "Next" to go on, or remove it to end here`,
          ),
        );
      } else if (!hasNext && !ends) {
        // `End` of the wrong kind (or a deploy-time value) is the schema's; `End: false` is a real mistake we explain.
        if (writesField(node, 'End') && typeof state.End !== 'boolean') continue;
        const pointer = state.End === false ? joinPointer(node.pointer, 'End') : node.pointer;
        const detail = state.End === false ? '"End": false does not end it, and it has no "Next"' : 'it has neither "Next" nor "End"';
        report(
          finding(
            codes,
            'missing-transition',
            pointer,
            `State "${node.name}" does not say what happens after it: ${detail}; add "Next": "<state>" or "End": true`,
          ),
        );
      }
    }
  },
};
