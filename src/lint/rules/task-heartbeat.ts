import { docsUrl, type Rule } from '../rule.js';

/** A callback or activity worker that dies is only noticed through a missed heartbeat. */
export const taskHeartbeat: Rule = {
  meta: { id: 'task-heartbeat', description: 'A callback or activity Task should set HeartbeatSeconds.', defaultSeverity: 'warning', docsUrl: docsUrl('task-heartbeat') },
  check(ctx) {
    for (const node of ctx.model.states) {
      const resource = node.raw.Resource;
      if (node.type !== 'Task' || typeof resource !== 'string') continue;
      if (!resource.endsWith('.waitForTaskToken') && !resource.includes(':activity:')) continue;
      if ('HeartbeatSeconds' in node.raw || 'HeartbeatSecondsPath' in node.raw) continue;
      ctx.report({ path: node.pointer, message: `Task "${node.name}" waits for a worker but has no HeartbeatSeconds; add one so a lost worker is noticed.` });
    }
  },
};
