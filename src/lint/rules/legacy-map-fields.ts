import { writesField } from '../../asl/as-written.js';
import { docsUrl, type Rule } from '../rule.js';

export const legacyMapFields: Rule = {
  meta: { id: 'legacy-map-fields', description: 'A Map should use ItemProcessor/ItemSelector rather than Iterator/Parameters.', defaultSeverity: 'info', docsUrl: docsUrl('legacy-map-fields') },
  check(ctx) {
    for (const node of ctx.model.states) {
      if (node.state.Type !== 'Map') continue;
      // The names as written are the point, whatever they hold.
      if (writesField(node, 'Iterator')) ctx.report({ path: `${node.pointer}/Iterator`, message: `Map "${node.name}" uses "Iterator"; rename it to "ItemProcessor".` });
      if (writesField(node, 'Parameters')) ctx.report({ path: `${node.pointer}/Parameters`, message: `Map "${node.name}" uses "Parameters"; rename it to "ItemSelector".` });
    }
  },
};
