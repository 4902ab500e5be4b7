import { docsUrl, type Rule } from '../rule.js';

/** Transient service errors are common; a Task without Retry fails on the first one. */
export const taskRetry: Rule = {
  meta: { id: 'task-retry', description: 'A Task should have a Retry field.', defaultSeverity: 'warning', docsUrl: docsUrl('task-retry') },
  check(ctx) {
    for (const node of ctx.model.states) {
      if (node.type !== 'Task' || Array.isArray(node.raw.Retry)) continue;
      ctx.report({ path: node.pointer, message: `Task "${node.name}" has no Retry; add a retrier for transient errors.` });
    }
  },
};
