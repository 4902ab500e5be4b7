import type { StateNode } from '../../asl/walker.js';
import { suggestNearest } from '../../asl/suggest.js';
import { analyzeVariables } from '../../asl/variables.js';
import { docsUrl, type Rule } from '../rule.js';

/**
 * A read of a variable that no path to the state assigns fails at run time (JSONPath) or evaluates to
 * nothing (JSONata). Scoping follows Step Functions: branches and inline Map iterations see the variables of
 * the scope around them, Distributed Map children see none, and a state never sees its own assignments.
 */
export const undefinedVariable: Rule = {
  meta: { id: 'undefined-variable', description: 'A variable read where no state on any path before it assigns it.', defaultSeverity: 'error', docsUrl: docsUrl('undefined-variable') },
  check(ctx) {
    const flow = analyzeVariables(ctx.model);
    for (const node of ctx.model.states) {
      const reads = flow.reads.get(node) ?? [];
      if (reads.length === 0 || !flow.isReached(node)) continue;
      const done = new Set<string>();
      for (const read of reads) {
        if (read.builtinName && !flow.assigned.has(read.name)) continue;
        if (flow.isVisible(node, read.name)) continue;
        const key = `${read.pointer}\u0000${read.name}`;
        if (done.has(key)) continue;
        done.add(key);
        ctx.report({ path: read.pointer, message: explain(read.name, node.name, flow.assigned, insideDistributed(node)) });
      }
    }
  },
};

function insideDistributed(node: StateNode): boolean {
  for (let scope = node.scope; scope.owner; scope = scope.owner.scope) if (scope.distributed) return true;
  return false;
}

function explain(name: string, state: string, assigned: ReadonlySet<string>, distributed: boolean): string {
  if (!assigned.has(name)) {
    const near = suggestNearest(name, assigned);
    return `"${state}" reads "$${name}", but no state assigns "${name}"${near ? `; did you mean "$${near}"?` : '; assign it with "Assign" in an earlier state.'}`;
  }
  if (distributed)
    return `"${state}" reads "$${name}", but a Distributed Map's child executions cannot see variables assigned outside them; pass the value in through the Map's "ItemSelector".`;
  return `"${state}" reads "$${name}", but no state on any path before it assigns "${name}" (a state's own Assign takes effect from the next state on, and assignments inside a Parallel branch or Map stay there); assign it earlier.`;
}
