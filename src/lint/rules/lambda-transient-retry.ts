import { covers, entries, errorNames } from '../errors.js';
import { docsUrl, type Rule } from '../rule.js';

const transient = ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException'];
const isLambda = (r: unknown) => typeof r === 'string' && (r.startsWith('arn:aws:states:::lambda:invoke') || /^arn:[^:]+:lambda:/.test(r));

/** AWS's guidance: retry Lambda's transient service errors. */
export const lambdaTransientRetry: Rule = {
  meta: { id: 'lambda-transient-retry', description: 'A Lambda Task should retry Lambda.ServiceException, Lambda.AWSLambdaException and Lambda.SdkClientException.', defaultSeverity: 'warning', docsUrl: docsUrl('lambda-transient-retry') },
  check(ctx) {
    for (const node of ctx.model.states) {
      if (node.type !== 'Task' || !isLambda(node.raw.Resource)) continue;
      const retried = entries(node.raw.Retry).flatMap(errorNames);
      const missing = transient.filter((e) => !covers(retried, e));
      if (missing.length > 0)
        ctx.report({ path: 'Retry' in node.raw ? `${node.pointer}/Retry` : node.pointer, message: `Lambda Task "${node.name}" does not retry ${missing.join(', ')}; add them to a retrier's ErrorEquals.` });
    }
  },
};
