import { docsUrl, type Rule } from '../rule.js';
import type { StateView } from '../../asl/types.js';
import { isLambdaResource } from '../task-kind.js';

/** The Lambda retrier is the one editors and templates add by default, so only a retrier on another Task shows the author chose to retry. */
const choseToRetry = (state: StateView) => state.Type === 'Task' && (state.Retry?.length ?? 0) > 0 && !isLambdaResource(state.Resource);

/**
 * Transient service errors happen, and a Task without Retry fails on the first one. Whether a machine
 * retries at all is its author's call (the caller may re-run the execution instead), so by default only a
 * machine that retries a service call somewhere is asked to retry everywhere: a Task left out is then a gap.
 * `mode: "all"` asks every machine. Lambda Tasks are lambda-transient-retry's, which names the errors.
 */
export const taskRetry: Rule = {
  meta: {
    id: 'task-retry', description: 'In a machine that retries, every Task should have a Retry field.', defaultSeverity: 'warning', docsUrl: docsUrl('task-retry'),
    optionsSchema: { type: 'object', properties: { mode: { enum: ['consistent', 'all'] } }, additionalProperties: false },
  },
  check(ctx) {
    const all = ctx.options.mode === 'all';
    if (!all && !ctx.model.states.some((n) => choseToRetry(n.state))) return;
    for (const node of ctx.model.states) {
      if (node.state.Type !== 'Task' || node.state.Retry !== undefined) continue;
      const why = all ? 'a transient error fails it on the first attempt' : 'other Tasks of this machine retry, but a transient error here fails on the first attempt';
      ctx.report({ path: node.pointer, message: `Task "${node.name}" has no Retry; ${why}. Add a retrier for the errors this service raises when busy or briefly unavailable.` });
    }
  },
};
