import { docsUrl, type Rule } from '../rule.js';

export const legacyMapFields: Rule = {
  meta: { id: 'legacy-map-fields', description: 'A Map should use ItemProcessor/ItemSelector rather than Iterator/Parameters.', defaultSeverity: 'info', docsUrl: docsUrl('legacy-map-fields') },
  check(ctx) {
    for (const node of ctx.model.states) {
      if (node.type !== 'Map') continue;
      if ('Iterator' in node.raw) ctx.report({ path: `${node.pointer}/Iterator`, message: `Map "${node.name}" uses "Iterator"; rename it to "ItemProcessor".` });
      if ('Parameters' in node.raw) ctx.report({ path: `${node.pointer}/Parameters`, message: `Map "${node.name}" uses "Parameters"; rename it to "ItemSelector".` });
    }
  },
};
