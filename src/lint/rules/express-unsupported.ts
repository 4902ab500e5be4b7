import { type StateNode } from '../../asl/walker.js';
import { writesField } from '../../asl/as-written.js';
import type { NumberOrExpression, Text } from '../../asl/types.js';
import { docsUrl, type Rule, type RuleContext } from '../rule.js';

/** An Express execution runs at most five minutes ("Choosing workflow type" in the developer guide). */
const fiveMinutes = 300;

function isUnsupportedResource(resource: Text | undefined): resource is string {
  return typeof resource === 'string' && (resource.endsWith('.sync') || /\.sync:\d+$/.test(resource) || resource.endsWith('.waitForTaskToken') || resource.includes(':activity:'));
}

/** The duration a state sets in seconds: a Wait's Seconds, a Task's TimeoutSeconds. */
function durations(node: StateNode): Array<['Seconds' | 'TimeoutSeconds', NumberOrExpression | undefined]> {
  const state = node.state;
  if (state.Type === 'Wait') return [['Seconds', state.Seconds]];
  if (state.Type === 'Task') return [['TimeoutSeconds', state.TimeoutSeconds]];
  return [];
}

function checkState(ctx: RuleContext, node: StateNode): void {
  const state = node.state;
  if (state.Type === 'Task' && isUnsupportedResource(state.Resource))
    ctx.report({ path: `${node.pointer}/Resource`, message: `"${node.name}" uses ${state.Resource}, which Express workflows do not support; use a Standard workflow or a request-response integration.` });
  for (const [key, seconds] of durations(node))
    if (typeof seconds === 'number' && seconds > fiveMinutes)
      ctx.report({ path: `${node.pointer}/${key}`, message: `"${node.name}" sets ${key} to ${seconds}, beyond Express's 5-minute limit.` });
  // Written at all, whatever the value, a heartbeat asks for something Express cannot do.
  for (const key of ['HeartbeatSeconds', 'HeartbeatSecondsPath'] as const)
    if (writesField(node, key))
      ctx.report({ path: `${node.pointer}/${key}`, message: `"${node.name}" sets ${key}: heartbeats serve activities and callbacks (.waitForTaskToken), which Express workflows do not support; remove it, or use a Standard workflow.` });
  // A fixed point in time cannot fit an execution that lasts at most five minutes from whenever it starts
  // (a JSONata expression may compute one relative to now, so only a literal is reported).
  if (state.Type === 'Wait' && typeof state.Timestamp === 'string' && !state.Timestamp.trimStart().startsWith('{%'))
    ctx.report({ path: `${node.pointer}/Timestamp`, message: `"${node.name}" waits until a fixed Timestamp, which an Express execution (at most 5 minutes long) cannot rely on reaching; wait a number of Seconds instead, or use a Standard workflow.` });
}

/** Express workflows run at most five minutes and support neither .sync, callbacks, heartbeats nor activities. */
export const expressUnsupported: Rule = {
  meta: {
    id: 'express-unsupported',
    description: 'Express workflows do not support .sync, .waitForTaskToken, activities, heartbeats, Wait timestamps, or waits/timeouts over 5 minutes.',
    defaultSeverity: 'error',
    docsUrl: docsUrl('express-unsupported'),
  },
  check(ctx) {
    if (ctx.workflowType !== 'express') return;
    const timeout = ctx.model.topLevel.TimeoutSeconds;
    if (typeof timeout === 'number' && timeout > fiveMinutes)
      ctx.report({ path: '/TimeoutSeconds', message: `The state machine sets TimeoutSeconds to ${timeout}, beyond Express's 5-minute limit: an Express execution ends after 300 seconds whatever it says.` });
    for (const node of ctx.model.states) checkState(ctx, node);
  },
};
