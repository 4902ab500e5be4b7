import { covers, entries, errorNames } from '../errors.js';
import { docsUrl, type Rule } from '../rule.js';

/** Entries are tried in order; one whose errors an earlier entry already covers can never match. */
export const retryShadowed: Rule = {
  meta: { id: 'retry-shadowed', description: 'A retry entry that earlier entries already cover can never match.', defaultSeverity: 'warning', docsUrl: docsUrl('retry-shadowed') },
  check(ctx) {
    for (const node of ctx.model.states) {
      const list = entries(node.raw.Retry);
      const earlier: string[] = [];
      list.forEach((entry, i) => {
        const names = errorNames(entry);
        if (i > 0 && names.length > 0 && names.every((n) => covers(earlier, n)))
          ctx.report({ path: `${node.pointer}/Retry/${i}`, message: `Retry entry ${i} of "${node.name}" can never match: earlier entries already cover ${names.join(', ')}. Remove it or move it before them.` });
        earlier.push(...names);
      });
    }
  },
};
