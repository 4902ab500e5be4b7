import { looksLikePath, visitLeaves } from '../../asl/path-like.js';
import { joinPointer } from '../../asl/pointer.js';
import { docsUrl, type Rule } from '../rule.js';

/** Payload templates: their `.$` keys are evaluated, every other value is sent as written. */
const templates = new Set(['Parameters', 'ItemSelector', 'ResultSelector', 'Assign', 'Credentials']);
const nested = new Set(['Branches', 'ItemProcessor', 'Iterator', 'Result', 'Comment']);

/**
 * Mirrors AWS's NO_DOLLAR warning: without `.$` the path is passed on as a literal string. Templates are found
 * wherever they sit in the state: its own `Parameters`/`ItemSelector`/`ResultSelector`/`Assign`/`Credentials`,
 * `ItemReader.Parameters`, `ResultWriter.Parameters`, a catcher's or a Choice rule's `Assign`.
 */
export const pathMissingDollar: Rule = {
  meta: { id: 'path-missing-dollar', description: 'A path-looking string under a key without ".$" is passed as a literal.', defaultSeverity: 'warning', docsUrl: docsUrl('path-missing-dollar') },
  check(ctx) {
    for (const node of ctx.model.states) {
      if (node.queryLanguage === 'JSONata') continue;
      const visitTemplate = (value: unknown, pointer: string) =>
        visitLeaves(value, pointer, (key, leaf, at) => {
          if (key && !key.endsWith('.$') && looksLikePath(leaf))
            ctx.report({ path: at, message: `"${key}" in "${node.name}" holds "${leaf}" but its key lacks ".$", so it is passed as a literal string; rename the key to "${key}.$".` });
        });
      // Find templates in source order, outside other templates (whose nested objects are payload, not fields).
      const find = (object: Record<string, unknown>, pointer: string, depth: number): void => {
        for (const [key, value] of Object.entries(object)) {
          if ((depth === 0 && nested.has(key)) || value === null || typeof value !== 'object') continue;
          const at = joinPointer(pointer, key);
          if (templates.has(key)) visitTemplate(value, at);
          else if (depth < 20) {
            if (Array.isArray(value)) value.forEach((v, i) => v !== null && typeof v === 'object' && !Array.isArray(v) && find(v as Record<string, unknown>, joinPointer(at, i), depth + 1));
            else find(value as Record<string, unknown>, at, depth + 1);
          }
        }
      };
      find(node.raw, node.pointer, 0);
    }
  },
};
