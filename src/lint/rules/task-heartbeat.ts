import { docsUrl, type Rule } from '../rule.js';
import { taskKind, waitsForWorker, writesAny } from '../task-kind.js';

/** A callback or activity worker that dies is only noticed through a missed heartbeat (or when the whole timeout runs out). */
export const taskHeartbeat: Rule = {
  meta: { id: 'task-heartbeat', description: 'A callback or activity Task should set HeartbeatSeconds.', defaultSeverity: 'warning', docsUrl: docsUrl('task-heartbeat'), supersedes: ['task-timeout'] },
  check(ctx) {
    for (const node of ctx.model.states) {
      if (node.state.Type !== 'Task' || !waitsForWorker(taskKind(node.state.Resource))) continue;
      if (writesAny(node, 'HeartbeatSeconds', 'HeartbeatSecondsPath')) continue;
      const bounded = writesAny(node, 'TimeoutSeconds', 'TimeoutSecondsPath');
      ctx.report({ path: node.pointer, message: `Task "${node.name}" waits for a worker but has no HeartbeatSeconds; ${bounded ? 'a lost worker is noticed only when the whole timeout runs out' : 'nothing bounds the wait, so a lost worker holds the execution for up to a year'}. Add "HeartbeatSeconds".` });
    }
  },
};
