import { docsUrl, type Rule } from '../rule.js';

const arn = /^arn:aws[a-z-]*:[a-z0-9-]+:([a-z]{2}(?:-[a-z]+)+-\d)?:(\d{12})?:/;

/** Literal accounts and regions tie a definition to one environment; DefinitionSubstitutions keep it portable. */
export const hardcodedAccount: Rule = {
  meta: { id: 'hardcoded-account', description: 'ARNs should not hard-code an account id or region.', defaultSeverity: 'warning', docsUrl: docsUrl('hardcoded-account') },
  check(ctx) {
    for (const node of ctx.model.states) {
      for (const [key, value] of Object.entries(node.raw)) {
        if (typeof value !== 'string') continue;
        const m = arn.exec(value);
        if (m && (m[1] || m[2]))
          ctx.report({ path: `${node.pointer}/${key}`, message: `"${node.name}" hard-codes ${m[2] ? `account ${m[2]}` : `region ${m[1]}`} in its ARN; use a DefinitionSubstitutions placeholder such as \${AccountId}.` });
      }
    }
  },
};
