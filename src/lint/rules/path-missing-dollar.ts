import { looksLikePath, visitLeaves } from '../../asl/path-like.js';
import { joinPointer } from '../../asl/pointer.js';
import type { StateFieldName } from '../../asl/types.js';
import { docsUrl, type Rule } from '../rule.js';

/** Payload templates: their `.$` keys are evaluated, every other value is sent as written. */
const templates: ReadonlySet<string> = new Set<StateFieldName>(['Parameters', 'ItemSelector', 'ResultSelector', 'Assign', 'Credentials']);
const nested: ReadonlySet<string> = new Set<StateFieldName>(['Branches', 'ItemProcessor', 'Iterator', 'Result', 'Comment']);

/**
 * Mirrors AWS's NO_DOLLAR warning: without `.$` the path is passed on as a literal string. Templates are found
 * wherever they sit in the state: its own `Parameters`/`ItemSelector`/`ResultSelector`/`Assign`/`Credentials`,
 * `ItemReader.Parameters`, `ResultWriter.Parameters`, a catcher's or a Choice rule's `Assign`, as the state's typed
 * view holds them (a field the state type does not have is validate's to report).
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
      const find = (object: object, pointer: string, depth: number): void => {
        for (const [key, value] of Object.entries(object) as Array<[string, unknown]>) {
          if ((depth === 0 && nested.has(key)) || value === null || typeof value !== 'object') continue;
          const at = joinPointer(pointer, key);
          if (templates.has(key)) visitTemplate(value, at);
          else if (depth < 20) {
            if (Array.isArray(value)) value.forEach((v, i) => v !== null && typeof v === 'object' && !Array.isArray(v) && find(v, joinPointer(at, i), depth + 1));
            else find(value, at, depth + 1);
          }
        }
      };
      find(node.state, node.pointer, 0);
    }
  },
};
