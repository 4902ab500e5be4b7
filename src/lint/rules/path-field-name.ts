import { looksLikePath } from '../../asl/path-like.js';
import { joinPointer } from '../../asl/pointer.js';
import type { ChoiceRule, SubMachine, StateFieldName } from '../../asl/types.js';
import { docsUrl, type Rule } from '../rule.js';

/** Fields whose strings are never paths, payload templates (path-missing-dollar's business) and static text. */
const notFields: ReadonlySet<string> = new Set<StateFieldName | keyof ChoiceRule | keyof SubMachine>([
  'Type', 'Comment', 'Next', 'Default', 'Resource', 'StartAt', 'QueryLanguage', 'Variable', 'End',
  'Parameters', 'ItemSelector', 'ResultSelector', 'Assign', 'Arguments', 'Credentials', 'Output', 'Result',
  'Branches', 'ItemProcessor', 'Iterator',
]);

/** Mirrors AWS's NO_PATH warning: a path in a field without the `Path` suffix is taken as a literal string. */
export const pathFieldName: Rule = {
  meta: { id: 'path-field-name', description: 'A path-looking value in a field whose name lacks "Path" is taken literally.', defaultSeverity: 'warning', docsUrl: docsUrl('path-field-name') },
  check(ctx) {
    for (const node of ctx.model.states) {
      if (node.queryLanguage === 'JSONata') continue;
      // Depth-first over the state's own fields and the objects under them (Choice rules, catchers, ItemReader …),
      // as the typed view holds them: a field the state type does not have is validate's to report.
      const stack: Array<[object, string, number]> = [[node.state, node.pointer, 0]];
      while (stack.length > 0) {
        const [object, pointer, depth] = stack.pop()!;
        for (const key in object) {
          if (notFields.has(key) || key.endsWith('Path') || key.endsWith('.$')) continue;
          const value = (object as Record<string, unknown>)[key];
          if (typeof value === 'string') {
            if (looksLikePath(value))
              ctx.report({ path: joinPointer(pointer, key), message: `"${key}" in "${node.name}" holds "${value}", which is taken as a literal string; to read the value at that path, use "${key}Path".` });
          } else if (value !== null && typeof value === 'object' && depth < 50) {
            const at = joinPointer(pointer, key);
            const items: unknown[] = Array.isArray(value) ? value : [value];
            items.forEach((item, i) => {
              if (item !== null && typeof item === 'object' && !Array.isArray(item))
                stack.push([item, Array.isArray(value) ? joinPointer(at, i) : at, depth + 1]);
            });
          }
        }
      }
    }
  },
};
