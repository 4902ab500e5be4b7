import { looksLikePath, visitLeaves } from '../../asl/path-like.js';
import { docsUrl, type Rule } from '../rule.js';

/** Mirrors AWS's PASS_RESULT_IS_STATIC warning: a Pass state's Result is never evaluated. */
export const passStaticResult: Rule = {
  meta: { id: 'pass-static-result', description: "A path or intrinsic inside a Pass state's Result is never evaluated.", defaultSeverity: 'warning', docsUrl: docsUrl('pass-static-result') },
  check(ctx) {
    for (const node of ctx.model.states) {
      const state = node.state;
      if (state.Type !== 'Pass' || !('Result' in state)) continue;
      visitLeaves(state.Result, `${node.pointer}/Result`, (key, leaf, pointer) => {
        if (key.endsWith('.$') || looksLikePath(leaf))
          ctx.report({ path: pointer, message: `Result of Pass "${node.name}" is static, so "${String(leaf)}" is never evaluated; use "Parameters" to build the output from the input.` });
      });
    }
  },
};
