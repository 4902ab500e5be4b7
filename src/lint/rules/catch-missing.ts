import { catchersOf, errorNames, handlesErrors } from '../errors.js';
import { docsUrl, type Rule } from '../rule.js';
import type { MachineModel, StateNode } from '../../asl/walker.js';

const catchesAll = (node: StateNode) => catchersOf(node.state).some((c) => errorNames(c).includes('States.ALL'));

/**
 * Error handlers (the targets of a catch-all) are the last resort: catching their own failure would only
 * loop or hide it. A target of a catcher for specific errors is a recovery path that carries on with normal
 * work, so it is asked like any other state.
 */
function handlersOf(model: MachineModel): Set<string> {
  const handlers = new Set<string>();
  for (const node of model.states)
    for (const c of catchersOf(node.state)) {
      if (errorNames(c).includes('States.ALL') && typeof c.Next === 'string') handlers.add(`${node.scope.pointer}\u0000${c.Next}`);
    }
  return handlers;
}

/**
 * Letting an error fail the execution is a normal design, so by default only a machine that handles errors
 * somewhere (a catch-all on some state) is asked to handle them everywhere: a state left out is then a gap.
 * `mode: "all"` asks every machine. A state inside a Map or Parallel is covered by a catcher on it, so only
 * the outermost state that lacks one is reported: one finding for one fix.
 */
export const catchMissing: Rule = {
  meta: {
    id: 'catch-missing', description: 'In a machine that catches errors, every Task, Map and Parallel should be covered by a catch-all.', defaultSeverity: 'warning', docsUrl: docsUrl('catch-missing'),
    optionsSchema: { type: 'object', properties: { mode: { enum: ['consistent', 'all'] } }, additionalProperties: false },
  },
  check(ctx) {
    const all = ctx.options.mode === 'all';
    if (!all && !ctx.model.states.some(catchesAll)) return;
    const handlers = handlersOf(ctx.model);
    for (const node of ctx.model.states) {
      // Nested states are covered by a catcher on their Map or Parallel, which is reported (or is a handler) instead.
      if (!handlesErrors(node.state) || catchesAll(node) || node.scope.owner) continue;
      if (handlers.has(`${node.scope.pointer}\u0000${node.name}`)) continue;
      const inside = node.state.Type === 'Task' ? '' : ' (a catcher here also covers the states inside)';
      const why = all ? 'a failure would fail the whole execution' : 'other states of this machine catch every error, but a failure here fails the execution unhandled';
      ctx.report({ path: node.pointer, message: `${node.type} "${node.name}" has no catcher for "States.ALL"; ${why}. Add a Catch with ErrorEquals ["States.ALL"]${inside}.` });
    }
  },
};
