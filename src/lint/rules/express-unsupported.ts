import type { StateNode } from '../../asl/walker.js';
import { docsUrl, type Rule, type RuleContext } from '../rule.js';

/** An Express execution runs at most five minutes ("Choosing workflow type" in the developer guide). */
const fiveMinutes = 300;

function isUnsupportedResource(resource: unknown): resource is string {
  return typeof resource === 'string' && (resource.endsWith('.sync') || /\.sync:\d+$/.test(resource) || resource.endsWith('.waitForTaskToken') || resource.includes(':activity:'));
}

function checkState(ctx: RuleContext, node: StateNode): void {
  const raw = node.raw;
  if (isUnsupportedResource(raw.Resource))
    ctx.report({ path: `${node.pointer}/Resource`, message: `"${node.name}" uses ${raw.Resource}, which Express workflows do not support; use a Standard workflow or a request-response integration.` });
  for (const key of ['Seconds', 'TimeoutSeconds'])
    if (typeof raw[key] === 'number' && (raw[key] as number) > fiveMinutes)
      ctx.report({ path: `${node.pointer}/${key}`, message: `"${node.name}" sets ${key} to ${raw[key]}, beyond Express's 5-minute limit.` });
  for (const key of ['HeartbeatSeconds', 'HeartbeatSecondsPath'])
    if (raw[key] !== undefined)
      ctx.report({ path: `${node.pointer}/${key}`, message: `"${node.name}" sets ${key}: heartbeats serve activities and callbacks (.waitForTaskToken), which Express workflows do not support; remove it, or use a Standard workflow.` });
  // A fixed point in time cannot fit an execution that lasts at most five minutes from whenever it starts
  // (a JSONata expression may compute one relative to now, so only a literal is reported).
  if (node.type === 'Wait' && typeof raw.Timestamp === 'string' && !raw.Timestamp.trimStart().startsWith('{%'))
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
    const timeout = ctx.model.root.raw.TimeoutSeconds;
    if (typeof timeout === 'number' && timeout > fiveMinutes)
      ctx.report({ path: '/TimeoutSeconds', message: `The state machine sets TimeoutSeconds to ${timeout}, beyond Express's 5-minute limit: an Express execution ends after 300 seconds whatever it says.` });
    for (const node of ctx.model.states) checkState(ctx, node);
  },
};
