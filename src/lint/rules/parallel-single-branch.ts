import { writesField } from '../../asl/as-written.js';
import { docsUrl, type Rule } from '../rule.js';

/**
 * A one-branch Parallel that neither retries nor catches is an extra state with no effect. With Retry or
 * Catch it is the usual try/catch block around a group of states, which nothing else in ASL expresses.
 */
export const parallelSingleBranch: Rule = {
  meta: { id: 'parallel-single-branch', description: 'A Parallel with one branch and no Retry or Catch adds a state without concurrency or error handling.', defaultSeverity: 'info', docsUrl: docsUrl('parallel-single-branch') },
  check(ctx) {
    for (const node of ctx.model.states) {
      const state = node.state;
      if (state.Type !== 'Parallel' || state.Branches?.length !== 1) continue;
      if (writesField(node, 'Retry') || writesField(node, 'Catch')) continue;
      ctx.report({ path: `${node.pointer}/Branches`, message: `Parallel "${node.name}" has a single branch and neither Retry nor Catch; inline its states, or add the Catch it was meant to provide.` });
    }
  },
};
