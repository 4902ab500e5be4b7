import { docsUrl, type Rule } from '../rule.js';

/** Each transition is billed in Standard workflows; consecutive Pass states can usually be one. */
export const passChain: Rule = {
  meta: { id: 'pass-chain', description: 'Two or more Pass states in a row could be one.', defaultSeverity: 'info', docsUrl: docsUrl('pass-chain') },
  check(ctx) {
    for (const node of ctx.model.states) {
      const state = node.state;
      if (state.Type !== 'Pass' || typeof state.Next !== 'string') continue;
      const next = node.scope.byName.get(state.Next);
      if (next?.state.Type === 'Pass')
        ctx.report({ path: `${node.pointer}/Next`, message: `Pass "${node.name}" goes straight to Pass "${next.name}"; merge them to save a transition.` });
    }
  },
};
