import { writesField } from '../../asl/as-written.js';
import { covers, errorNames } from '../errors.js';
import { docsUrl, type Rule } from '../rule.js';
import { isLambdaResource } from '../task-kind.js';

const transient = ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException'];

/** AWS's guidance: retry Lambda's transient service errors. On a Lambda Task it says what task-retry would, more precisely. */
export const lambdaTransientRetry: Rule = {
  meta: {
    id: 'lambda-transient-retry', description: 'A Lambda Task should retry Lambda.ServiceException, Lambda.AWSLambdaException and Lambda.SdkClientException.', defaultSeverity: 'warning', docsUrl: docsUrl('lambda-transient-retry'),
    supersedes: ['task-retry'],
  },
  check(ctx) {
    for (const node of ctx.model.states) {
      const state = node.state;
      if (state.Type !== 'Task' || !isLambdaResource(state.Resource)) continue;
      // A Retry written with a wrong value is validate's to report; here it counts as retrying nothing.
      if (!writesField(node, 'Retry')) {
        ctx.report({ path: node.pointer, message: `Lambda Task "${node.name}" has no Retry; add a retrier for ${transient.join(', ')}, the transient errors Lambda itself raises.` });
        continue;
      }
      const retried = (state.Retry ?? []).flatMap(errorNames);
      const missing = transient.filter((e) => !covers(retried, e));
      if (missing.length > 0)
        ctx.report({ path: `${node.pointer}/Retry`, message: `Lambda Task "${node.name}" does not retry ${missing.join(', ')}; add them to a retrier's ErrorEquals.` });
    }
  },
};
