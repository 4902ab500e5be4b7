import { docsUrl, type Rule } from '../rule.js';

/** An unbounded Map can overwhelm downstream services and hit account quotas. */
export const mapConcurrency: Rule = {
  meta: { id: 'map-concurrency', description: 'A Map should bound MaxConcurrency.', defaultSeverity: 'warning', docsUrl: docsUrl('map-concurrency') },
  check(ctx) {
    for (const node of ctx.model.states) {
      if (node.type !== 'Map' || 'MaxConcurrencyPath' in node.raw) continue;
      const max = node.raw.MaxConcurrency;
      if (max === undefined) ctx.report({ path: node.pointer, message: `Map "${node.name}" has no MaxConcurrency; set a bound.` });
      else if (max === 0) ctx.report({ path: `${node.pointer}/MaxConcurrency`, message: `Map "${node.name}" has MaxConcurrency 0 (unbounded); set a bound.` });
    }
  },
};
