import { docsUrl, type Rule } from '../rule.js';

const fiveMinutes = 300;

/** Express workflows run at most five minutes and support neither .sync, callbacks nor activities. */
export const expressUnsupported: Rule = {
  meta: { id: 'express-unsupported', description: 'Express workflows do not support .sync, .waitForTaskToken, activities, or waits/timeouts over 5 minutes.', defaultSeverity: 'error', docsUrl: docsUrl('express-unsupported') },
  check(ctx) {
    if (ctx.workflowType !== 'express') return;
    for (const node of ctx.model.states) {
      const r = node.raw.Resource;
      if (typeof r === 'string' && (r.endsWith('.sync') || /\.sync:\d+$/.test(r) || r.endsWith('.waitForTaskToken') || r.includes(':activity:')))
        ctx.report({ path: `${node.pointer}/Resource`, message: `"${node.name}" uses ${r}, which Express workflows do not support; use a Standard workflow or a request-response integration.` });
      for (const key of ['Seconds', 'TimeoutSeconds'])
        if (typeof node.raw[key] === 'number' && (node.raw[key] as number) > fiveMinutes)
          ctx.report({ path: `${node.pointer}/${key}`, message: `"${node.name}" sets ${key} to ${node.raw[key]}, beyond Express's 5-minute limit.` });
    }
  },
};
