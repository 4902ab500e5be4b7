/**
 * JSONPath payload templates (Parameters, ItemSelector, ResultSelector, Assign): keys ending in `.$`
 * take their value from a path on the input, a `$$` context path, a `$variable` path or an intrinsic
 * function call; everything else is copied as written.
 */
import { runtimeError } from './errors.js';
import { evaluateIntrinsic } from './intrinsics.js';
import { resolvePath, type PathEnv } from './path-env.js';

export { resolvePath, type PathEnv } from './path-env.js';

/** The value of a `.$` field: an intrinsic call or a path. */
export function dynamicValue(text: unknown, env: PathEnv, field: string): unknown {
  if (typeof text !== 'string') {
    throw runtimeError(`An error occurred while executing the state '${env.stateName}'. The value of ${field} must be a path or an intrinsic function, not ${JSON.stringify(text)}.`);
  }
  if (text.startsWith('States.')) return evaluateIntrinsic(text, env, field);
  return resolvePath(text, env, field);
}

export function evaluatePayload(template: unknown, env: PathEnv, field: string): unknown {
  if (Array.isArray(template)) return template.map((item, i) => evaluatePayload(item, env, `${field}[${i}]`));
  if (template === null || typeof template !== 'object') return template;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(template)) {
    if (key.endsWith('.$')) {
      out[key.slice(0, -2)] = dynamicValue(value, env, `${field}.${key}`);
    } else {
      out[key] = evaluatePayload(value, env, `${field}.${key}`);
    }
  }
  return out;
}
