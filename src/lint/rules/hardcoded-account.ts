import { joinPointer } from '../../asl/pointer.js';
import type { StateFieldName } from '../../asl/types.js';
import { docsUrl, type DefinitionSource, type Rule } from '../rule.js';

/** The region is the fourth field (partition and service hold no colon); the account follows it, but a placeholder
 * region such as `${AWS::Region}` holds colons itself, so the account is any 12-digit field. */
const region = /^arn:aws[a-z-]*:[a-z0-9-]+:([a-z]{2}(?:-[a-z]+)+-\d):/;
const account = /:(\d{12}):/;
/** Nested state machines are walked as their own states; comments are prose. */
const skipped: ReadonlySet<string> = new Set<StateFieldName>(['Comment', 'Branches', 'ItemProcessor', 'Iterator']);

/** The way to write the value as a deploy-time parameter depends on the file the definition sits in. */
const fix: Record<DefinitionSource, { account: string; region: string }> = {
  definition: {
    account: 'use a placeholder such as ${AccountId}, filled at deploy time (DefinitionSubstitutions in SAM/CloudFormation, definitionSubstitutions in CDK, or your deployment tool\'s templating)',
    region: 'use a placeholder such as ${Region}, filled at deploy time (DefinitionSubstitutions in SAM/CloudFormation, definitionSubstitutions in CDK, or your deployment tool\'s templating)',
  },
  template: {
    account: 'write ${AWS::AccountId} inside a Fn::Sub (or pass it through DefinitionSubstitutions)',
    region: 'write ${AWS::Region} inside a Fn::Sub (or pass it through DefinitionSubstitutions)',
  },
  serverless: {
    account: 'use the Serverless Framework variable ${aws:accountId} (or Fn::Sub with ${AWS::AccountId})',
    region: 'use the Serverless Framework variable ${aws:region} (or Fn::Sub with ${AWS::Region})',
  },
};

/**
 * Literal accounts and regions tie a definition to one environment. Every string in a state that calls or
 * configures something is read, nested payloads included: `Resource`, `Parameters.FunctionName`,
 * `Arguments`, `Credentials.RoleArn`, `ItemReader`/`ResultWriter` parameters, `Assign` … A Pass state only
 * shapes data, and the ARNs in it are typically sample events, so it is not read. The strings are those of the
 * state's typed view: a field the state type does not have, or a value of the wrong kind, is validate's to report.
 */
export const hardcodedAccount: Rule = {
  meta: { id: 'hardcoded-account', description: 'ARNs should not hard-code an account id or region.', defaultSeverity: 'warning', docsUrl: docsUrl('hardcoded-account') },
  check(ctx) {
    const advice = fix[ctx.source];
    for (const node of ctx.model.states) {
      if (node.state.Type === 'Pass') continue;
      // Strings are checked where they sit, in document order; a pointer is built only for the ARNs found.
      const found: Array<[string, string]> = [];
      const visit = (container: object, pointer: string, depth: number): void => {
        for (const key in container) {
          if (depth === 0 && skipped.has(key)) continue;
          const value = (container as Record<string, unknown>)[key];
          if (typeof value === 'string') {
            if (value.startsWith('arn:')) found.push([joinPointer(pointer, key), value]);
          } else if (value !== null && typeof value === 'object' && depth < 100) visit(value, joinPointer(pointer, key), depth + 1);
        }
      };
      visit(node.state, node.pointer, 0);
      for (const [pointer, value] of found) {
        const acct = account.exec(value)?.[1];
        const where = region.exec(value)?.[1];
        if (acct) ctx.report({ path: pointer, message: `"${node.name}" hard-codes account ${acct} in "${value}"; ${advice.account}.` });
        else if (where) ctx.report({ path: pointer, message: `"${node.name}" hard-codes region ${where} in "${value}"; ${advice.region}.` });
      }
    }
  },
};
