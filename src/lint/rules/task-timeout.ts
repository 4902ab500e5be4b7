import { docsUrl, type Rule } from '../rule.js';
import { taskKind, waitsForWorker, writesAny, type TaskKind } from '../task-kind.js';

const waits: Record<TaskKind, string> = {
  callback: 'waits for a task token',
  sync: 'waits for the job it starts',
  activity: 'waits for an activity worker',
  'request-response': 'makes a request-response call',
  unknown: 'runs a resource only known at deploy time',
};

/**
 * A Task that waits for a job, a callback or a worker waits up to the execution's limit (a year for a
 * Standard workflow) unless it has a timeout; a heartbeat bounds a callback or an activity too, since a
 * worker that stops answering stops heartbeating. A request-response call is bounded on the service's side,
 * so it is reported only with `requestResponse: true`.
 */
export const taskTimeout: Rule = {
  meta: {
    id: 'task-timeout', description: 'A Task that waits for a job, a callback or an activity should set TimeoutSeconds (or HeartbeatSeconds).', defaultSeverity: 'warning', docsUrl: docsUrl('task-timeout'),
    optionsSchema: { type: 'object', properties: { requestResponse: { type: 'boolean' } }, additionalProperties: false },
  },
  check(ctx) {
    const all = ctx.options.requestResponse === true;
    for (const node of ctx.model.states) {
      if (node.state.Type !== 'Task' || writesAny(node, 'TimeoutSeconds', 'TimeoutSecondsPath')) continue;
      const kind = taskKind(node.state.Resource);
      if (waitsForWorker(kind) && writesAny(node, 'HeartbeatSeconds', 'HeartbeatSecondsPath')) continue;
      if (kind === 'request-response' || kind === 'unknown') {
        if (all) ctx.report({ path: node.pointer, message: `Task "${node.name}" ${waits[kind]} without TimeoutSeconds; add "TimeoutSeconds" a little above its slowest normal run so a slow call fails in bounded time.` });
        continue;
      }
      ctx.report({ path: node.pointer, message: `Task "${node.name}" ${waits[kind]} but has no TimeoutSeconds, so if it never finishes the execution waits up to a year. Add "TimeoutSeconds"${waitsForWorker(kind) ? ' (or "HeartbeatSeconds")' : ''}.` });
    }
  },
};
