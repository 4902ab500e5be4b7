import { type StateNode } from '../../asl/walker.js';
import { suggestNearest } from '../../asl/suggest.js';
import { analyzeVariables } from '../../asl/variables.js';
import { docsUrl, type Rule } from '../rule.js';

/**
 * A read of a variable that some path to the state does not assign fails at run time on that path (JSONPath:
 * States.Runtime; JSONata: States.QueryEvaluationError). Reported both when no path assigns it and when only
 * some do. Scoping follows Step Functions: branches and inline Map iterations see the variables of
 * the scope around them, Distributed Map children see none, and a state never sees its own assignments.
 */
export const undefinedVariable: Rule = {
  meta: { id: 'undefined-variable', description: 'A variable read where, on some path to the state, no state before it assigns it.', defaultSeverity: 'error', docsUrl: docsUrl('undefined-variable') },
  check(ctx) {
    const flow = analyzeVariables(ctx.model);
    for (const node of ctx.model.states) {
      const reads = flow.reads.get(node) ?? [];
      if (reads.length === 0 || !flow.isReached(node)) continue;
      let done: Set<string> | undefined; // reported (pointer, name) pairs; most states report nothing
      for (const read of reads) {
        if (read.builtinName && !flow.assigned.has(read.name)) continue;
        const visible = flow.isVisible(node, read.name);
        if (visible && (flow.isAlwaysAssigned(node, read.name) || read.presenceTest === true)) continue;
        const key = `${read.pointer}\u0000${read.name}`;
        if (done?.has(key)) continue;
        (done ??= new Set()).add(key);
        ctx.report({
          path: read.pointer,
          message: visible
            ? `"${node.name}" reads "$${read.name}", but some path to it assigns no "${read.name}" first, and an execution that takes that path fails here; assign it on every path (for example a default in an earlier state)`
            : explain(read.name, node.name, flow.assigned, insideDistributed(node)),
        });
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
