import { joinPointer } from '../../asl/pointer.js';
import { docsUrl, type Rule } from '../rule.js';

const arn = /^arn:aws[a-z-]*:[a-z0-9-]+:([a-z]{2}(?:-[a-z]+)+-\d)?:(\d{12})?:/;
/** Nested state machines are walked as their own states; comments are prose. */
const skipped = new Set(['Comment', 'Branches', 'ItemProcessor', 'Iterator']);

/**
 * Literal accounts and regions tie a definition to one environment; DefinitionSubstitutions keep it portable.
 * Every string in the state is read, nested payloads included: `Resource`, `Parameters.FunctionName`,
 * `Arguments`, `Credentials.RoleArn`, `ItemReader`/`ResultWriter` parameters, `Assign`, `Result` …
 */
export const hardcodedAccount: Rule = {
  meta: { id: 'hardcoded-account', description: 'ARNs should not hard-code an account id or region.', defaultSeverity: 'warning', docsUrl: docsUrl('hardcoded-account') },
  check(ctx) {
    for (const node of ctx.model.states) {
      const stack: Array<[unknown, string, number]> = [];
      for (const [key, value] of Object.entries(node.raw)) if (!skipped.has(key)) stack.push([value, joinPointer(node.pointer, key), 0]);
      const found: Array<[string, string]> = [];
      while (stack.length > 0) {
        const [value, pointer, depth] = stack.pop()!;
        if (typeof value === 'string') {
          if (value.startsWith('arn:')) found.push([pointer, value]);
        } else if (value !== null && typeof value === 'object' && depth < 100) {
          if (Array.isArray(value)) value.forEach((v, i) => stack.push([v, joinPointer(pointer, i), depth + 1]));
          else for (const [k, v] of Object.entries(value)) stack.push([v, joinPointer(pointer, k), depth + 1]);
        }
      }
      // The stack visits members last-first; report in source order.
      for (let i = found.length - 1; i >= 0; i--) {
        const [pointer, value] = found[i]!;
        const m = arn.exec(value);
        if (m && (m[1] || m[2]))
          ctx.report({ path: pointer, message: `"${node.name}" hard-codes ${m[2] ? `account ${m[2]}` : `region ${m[1]}`} in "${value}"; use a DefinitionSubstitutions placeholder such as \${AccountId}.` });
      }
    }
  },
};
