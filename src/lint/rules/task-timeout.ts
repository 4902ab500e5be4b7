import { docsUrl, type Rule } from '../rule.js';

/** Without a timeout a stuck Task waits for the Standard default of one year. */
export const taskTimeout: Rule = {
  meta: { id: 'task-timeout', description: 'A Task should set TimeoutSeconds or TimeoutSecondsPath.', defaultSeverity: 'warning', docsUrl: docsUrl('task-timeout') },
  check(ctx) {
    for (const node of ctx.model.states) {
      if (node.type !== 'Task') continue;
      if ('TimeoutSeconds' in node.raw || 'TimeoutSecondsPath' in node.raw) continue;
      ctx.report({ path: node.pointer, message: `Task "${node.name}" has no TimeoutSeconds; a stuck task would wait up to a year. Add "TimeoutSeconds".` });
    }
  },
};
