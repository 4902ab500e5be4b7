/**
 * Workflow variables as CreateStateMachine accepts them ("Passing data between states with variables"):
 * every Assign key (a state's, a Choice rule's, a catcher's) is a whole variable's valid name, and a nested
 * scope (Parallel branch, Map processor) does not assign a name that a scope around it assigns.
 */
import { badVariableNames, scopeConflicts } from '../../asl/variable-rules.js';
import type { SemanticCheck } from '../check.js';
import { finding } from './util.js';

const codes = {
  'variable-name': { description: 'An Assign key is not a valid variable name, or assigns part of a variable ("x.y", "x[0]")', severity: 'error' as const },
  'variable-scope': { description: 'A Parallel branch or Map processor assigns a variable that an enclosing scope also assigns', severity: 'error' as const },
};

export const variablesCheck: SemanticCheck = {
  name: 'variables',
  codes,
  run({ model, report }) {
    for (const bad of badVariableNames(model)) {
      report(finding(codes, 'variable-name', bad.pointer, `The Assign of state "${bad.node.name}": ${bad.problem}`));
    }
    for (const conflict of scopeConflicts(model)) {
      const where = conflict.node.scope.owner ? `inside "${conflict.node.scope.owner.name}"` : 'here';
      report(
        finding(
          codes,
          'variable-scope',
          conflict.pointer,
          `State "${conflict.node.name}" ${where} assigns "$${conflict.write.name}", which state "${conflict.outer.name}" of an enclosing scope also assigns; a nested scope cannot assign an outer variable: use another name, and pass values out through the output`,
        ),
      );
    }
  },
};
