import { writesField } from '../../asl/as-written.js';
import { docsUrl, type Rule } from '../rule.js';

/** An unmatched input fails the execution with States.NoChoiceMatched. */
export const choiceDefault: Rule = {
  meta: { id: 'choice-default', description: 'A Choice state should have a Default.', defaultSeverity: 'warning', docsUrl: docsUrl('choice-default') },
  check(ctx) {
    for (const node of ctx.model.states) {
      // Whether a Default is written, whatever its value: a wrong one is validate's to report.
      if (node.state.Type !== 'Choice' || writesField(node, 'Default')) continue;
      ctx.report({ path: node.pointer, message: `Choice "${node.name}" has no Default; an unmatched input fails with States.NoChoiceMatched. Add "Default".` });
    }
  },
};
