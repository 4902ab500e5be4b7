import { writes } from '../../asl/as-written.js';
import { retriersOf } from '../errors.js';
import { docsUrl, type Rule } from '../rule.js';
import { formatWait } from '../duration.js';

/** With exponential backoff the last interval grows fast; MaxDelaySeconds caps it. */
export const retryMaxDelay: Rule = {
  meta: {
    id: 'retry-max-delay', description: 'An exponential retrier whose largest interval exceeds a bound should set MaxDelaySeconds.', defaultSeverity: 'warning', docsUrl: docsUrl('retry-max-delay'),
    optionsSchema: { type: 'object', properties: { maxSeconds: { type: 'number', minimum: 1 } }, additionalProperties: false },
  },
  check(ctx) {
    const bound = typeof ctx.options.maxSeconds === 'number' ? ctx.options.maxSeconds : 300;
    for (const node of ctx.model.states) {
      retriersOf(node.state).forEach((retrier, i) => {
        const rate = typeof retrier.BackoffRate === 'number' ? retrier.BackoffRate : 2;
        const interval = typeof retrier.IntervalSeconds === 'number' ? retrier.IntervalSeconds : 1;
        const attempts = typeof retrier.MaxAttempts === 'number' ? retrier.MaxAttempts : 3;
        if (rate <= 1 || attempts < 1) return;
        const largest = interval * rate ** (attempts - 1);
        const path = `${node.pointer}/Retry/${i}`;
        // A MaxDelaySeconds of the wrong kind is still one the author set: validate reports its value.
        if (largest > bound && !writes(retrier, 'MaxDelaySeconds'))
          ctx.report({ path, message: `Retrier ${i} of "${node.name}" can wait ${formatWait(largest)} before its last attempt; add "MaxDelaySeconds" (at most ${bound}).` });
      });
    }
  },
};
