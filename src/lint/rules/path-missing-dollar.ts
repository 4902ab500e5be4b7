import { looksLikePath, visitLeaves } from '../../asl/path-like.js';
import { docsUrl, type Rule } from '../rule.js';

const templates = ['Parameters', 'ItemSelector', 'ResultSelector'];

/** Mirrors AWS's NO_DOLLAR warning: without `.$` the path is passed on as a literal string. */
export const pathMissingDollar: Rule = {
  meta: { id: 'path-missing-dollar', description: 'A path-looking string under a key without ".$" is passed as a literal.', defaultSeverity: 'warning', docsUrl: docsUrl('path-missing-dollar') },
  check(ctx) {
    for (const node of ctx.model.states) {
      if (node.queryLanguage === 'JSONata') continue;
      for (const field of templates) {
        visitLeaves(node.raw[field], `${node.pointer}/${field}`, (key, leaf, pointer) => {
          if (key && !key.endsWith('.$') && looksLikePath(leaf))
            ctx.report({ path: pointer, message: `"${key}" in "${node.name}" holds "${leaf}" but its key lacks ".$", so it is passed as a literal string; rename the key to "${key}.$".` });
        });
      }
    }
  },
};
