import { docsUrl, type Rule } from '../rule.js';

export const parallelSingleBranch: Rule = {
  meta: { id: 'parallel-single-branch', description: 'A Parallel with one branch adds cost without concurrency.', defaultSeverity: 'info', docsUrl: docsUrl('parallel-single-branch') },
  check(ctx) {
    for (const node of ctx.model.states) {
      if (node.type === 'Parallel' && Array.isArray(node.raw.Branches) && node.raw.Branches.length === 1)
        ctx.report({ path: `${node.pointer}/Branches`, message: `Parallel "${node.name}" has a single branch; inline its states instead.` });
    }
  },
};
