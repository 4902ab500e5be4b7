/**
 * Payload templates of JSONPath states (Parameters, ItemSelector, ResultSelector, Credentials,
 * Assign, ItemReader / ResultWriter Parameters, ItemBatcher BatchInput), at any depth:
 * a `key.$` entry holds a path, a context path, a variable or an intrinsic call, as a string; and
 * no object has both `key` and `key.$`, which would give the same field twice once `.$` is dropped.
 */
import type { Finding } from '../../diagnostics.js';
import { INTRINSIC_CALL_START } from '../../asl/intrinsics.js';
import { joinPointer } from '../../asl/pointer.js';
import type { SemanticCheck } from '../check.js';
import { expressionSites, isPlaceholderValue, type Template } from './expression-sites.js';
import { finding, isObject } from './util.js';

const codes = {
  'payload-duplicate-key': { description: 'A payload template has both "key" and "key.$", which name the same field', severity: 'error' as const },
  'payload-dynamic-value': { description: 'A "key.$" entry does not hold a path or an intrinsic call as a string', severity: 'error' as const },
};

type Report = (f: Finding) => void;

export const payloadCheck: SemanticCheck = {
  name: 'payload',
  codes,
  run({ model, report }) {
    const { sites, templates } = expressionSites(model);
    for (const site of sites) {
      if (site.role !== 'payload') continue;
      checkDynamicValue(site.field, site.value, site.pointer, report);
    }
    for (const template of templates) checkDuplicates(template, report);
  },
};

function checkDynamicValue(field: string, value: unknown, pointer: string, report: Report): void {
  if (isPlaceholderValue(value)) return;
  const plain = field.slice(0, -2);
  if (typeof value !== 'string') {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `the ${typeof value} ${JSON.stringify(value)}`;
    report(
      finding(
        codes,
        'payload-dynamic-value',
        pointer,
        `"${field}" ends in ".$", so its value must be a path or an intrinsic call written as a string, but it is ${kind}; for a fixed value, name the field "${plain}"`,
      ),
    );
    return;
  }
  if (value.startsWith('$') || INTRINSIC_CALL_START.test(value)) return;
  const trimmed = value.trimStart();
  const why =
    trimmed !== value && (trimmed.startsWith('$') || INTRINSIC_CALL_START.test(trimmed))
      ? 'it starts with whitespace; remove the leading spaces'
      : `"${value}" is neither; write a path such as "$.${plain || 'field'}", or name the field "${plain}" for a fixed value`;
  report(finding(codes, 'payload-dynamic-value', pointer, `"${field}" ends in ".$", so its value must be a path ($…, $$…, $variable) or an intrinsic call (States.…), but ${why}`));
}

function checkDuplicates(template: Template, report: Report): void {
  const stack: Array<{ value: unknown; pointer: string }> = [{ value: template.value, pointer: template.pointer }];
  while (stack.length > 0) {
    const { value, pointer } = stack.pop()!;
    if (Array.isArray(value)) {
      value.forEach((child: unknown, i) => {
        if (child !== null && typeof child === 'object') stack.push({ value: child, pointer: joinPointer(pointer, i) });
      });
    } else if (isObject(value) && !isPlaceholderValue(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (key.endsWith('.$')) {
          const plain = key.slice(0, -2);
          if (Object.prototype.hasOwnProperty.call(value, plain)) {
            report(
              finding(
                codes,
                'payload-duplicate-key',
                joinPointer(pointer, key),
                `"${key}" and "${plain}" both set the field "${plain}" in "${template.field}" of state "${template.node.name}"; keep one: "${key}" for a value from a path, "${plain}" for a fixed value`,
              ),
            );
          }
        } else if (child !== null && typeof child === 'object') {
          stack.push({ value: child, pointer: joinPointer(pointer, key) });
        }
      }
    }
  }
}
