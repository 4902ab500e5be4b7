import { allWrites, analyzeVariables, writePointer } from '../../asl/variables.js';
import { docsUrl, type Rule } from '../rule.js';

/** An assignment nobody reads costs payload size (and a review's attention) for nothing; often a typo. */
export const unusedVariable: Rule = {
  meta: { id: 'unused-variable', description: 'A variable that is assigned and never read.', defaultSeverity: 'warning', docsUrl: docsUrl('unused-variable') },
  check(ctx) {
    const flow = analyzeVariables(ctx.model);
    if (flow.assigned.size === 0) return;
    for (const node of ctx.model.states) {
      const readable = flow.readsWithin(node.scope);
      for (const write of allWrites(flow.writes.get(node)!)) {
        if (readable.has(write.name)) continue;
        ctx.report({ path: writePointer(write), message: `"${node.name}" assigns "${write.name}", but no state that can see it reads "$${write.name}"; remove the assignment or read it.` });
      }
    }
  },
};
