/**
 * State names: at most 80 characters, and unique in the whole state machine, nested Parallel
 * branches and Map processors included (Step Functions names every state in the execution history
 * by its name alone). Duplicate keys inside one `States` object are the loader's to report.
 */
import type { SemanticCheck } from '../check.js';
import { qualifiedName, type StateNode } from '../../asl/walker.js';
import { describeScope, finding } from './util.js';

const codes = {
  'state-name-length': { description: 'A state name is longer than 80 characters', severity: 'error' as const },
  'duplicate-state-name': { description: 'Two states in different scopes share a name', severity: 'error' as const },
};

const MAX_NAME_LENGTH = 80;

export const stateNamesCheck: SemanticCheck = {
  name: 'state-names',
  codes,
  run({ model, report }) {
    const first = new Map<string, StateNode>();
    for (const node of model.states) {
      const length = [...node.name].length;
      if (length > MAX_NAME_LENGTH) {
        report(
          finding(codes, 'state-name-length', node.pointer, `State name "${node.name.slice(0, 20)}…" has ${length} characters; shorten it to at most ${MAX_NAME_LENGTH}`),
        );
      }
      const earlier = first.get(node.name);
      if (!earlier) {
        first.set(node.name, node);
      } else if (earlier.scope !== node.scope) {
        report(
          finding(codes, 'duplicate-state-name', node.pointer, `State name "${node.name}" is also used in ${describeScope(earlier.scope)} ("${qualifiedName(earlier)}"); state names must be unique in the whole state machine, so rename one`),
        );
      }
    }
  },
};
