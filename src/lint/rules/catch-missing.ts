import { ancestors } from '../../asl/walker.js';
import { covers, entries, errorNames } from '../errors.js';
import { docsUrl, type Rule } from '../rule.js';
import type { StateNode } from '../../asl/walker.js';

const catchesAll = (node: StateNode) => entries(node.raw.Catch).some((c) => covers(errorNames(c), 'States.ALL') || errorNames(c).includes('States.ALL'));

/** An uncaught failure fails the whole execution; an enclosing Map/Parallel that catches everything covers its states. */
export const catchMissing: Rule = {
  meta: { id: 'catch-missing', description: 'A Task, Map or Parallel should have a catch-all catcher (or sit inside one that does).', defaultSeverity: 'warning', docsUrl: docsUrl('catch-missing') },
  check(ctx) {
    // An error handler (the target of a catch-all) is the last resort; catching its own failure would only loop
    // or hide it. A target of a catcher for specific errors is a recovery path that carries on with normal work,
    // so it is asked like any other state.
    const handlers = new Set<string>();
    for (const node of ctx.model.states)
      for (const c of entries(node.raw.Catch)) {
        if (!errorNames(c).includes('States.ALL')) continue;
        const next = (c as { Next?: unknown } | null)?.Next;
        if (typeof next === 'string') handlers.add(`${node.scope.pointer}\u0000${next}`);
      }
    for (const node of ctx.model.states) {
      if (node.type !== 'Task' && node.type !== 'Map' && node.type !== 'Parallel') continue;
      if (catchesAll(node) || ancestors(node).some(catchesAll)) continue;
      if (handlers.has(`${node.scope.pointer}\u0000${node.name}`)) continue;
      ctx.report({ path: node.pointer, message: `${node.type} "${node.name}" has no catcher for "States.ALL"; a failure would fail the whole execution. Add a Catch with ErrorEquals ["States.ALL"].` });
    }
  },
};
