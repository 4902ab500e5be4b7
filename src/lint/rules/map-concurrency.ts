import { writesField } from '../../asl/as-written.js';
import { docsUrl, type Rule } from '../rule.js';

/** An unbounded Map can overwhelm downstream services and hit account quotas. */
export const mapConcurrency: Rule = {
  meta: { id: 'map-concurrency', description: 'A Map should bound MaxConcurrency.', defaultSeverity: 'warning', docsUrl: docsUrl('map-concurrency') },
  check(ctx) {
    for (const node of ctx.model.states) {
      const state = node.state;
      if (state.Type !== 'Map' || writesField(node, 'MaxConcurrencyPath')) continue;
      // "No MaxConcurrency" means none is written: a value of the wrong kind is validate's to report.
      if (!writesField(node, 'MaxConcurrency')) ctx.report({ path: node.pointer, message: `Map "${node.name}" has no MaxConcurrency; set a bound.` });
      else if (state.MaxConcurrency === 0) ctx.report({ path: `${node.pointer}/MaxConcurrency`, message: `Map "${node.name}" has MaxConcurrency 0 (unbounded); set a bound.` });
    }
  },
};
