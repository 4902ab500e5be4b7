/**
 * JSONPath payload templates (Parameters, ItemSelector, ResultSelector, Assign): keys ending in `.$`
 * take their value from a path on the input, a `$$` context path, a `$variable` path or an intrinsic
 * function call; everything else is copied as written.
 */
import { runtimeError } from './errors.js';
import { evaluateIntrinsic } from './intrinsics.js';
import { readPath } from './jsonpath.js';
import type { SeededRandom } from './random.js';

export interface PathEnv {
  /** What `$` refers to. */
  input: unknown;
  context: Record<string, unknown>;
  variables: Record<string, unknown>;
  stateName: string;
  random: SeededRandom;
}

/** Reads `$.x`, `$$.x` or `$var.x` as AWS resolves a path value. */
export function resolvePath(path: string, env: PathEnv, field: string): unknown {
  if (path.startsWith('$$')) return readPath(env.context, path.slice(1), field, env.stateName, path, env.input);
  if (path.startsWith('$') && path.length > 1 && path[1] !== '.' && path[1] !== '[') {
    const match = /^\$([A-Za-z_][A-Za-z0-9_]*)(.*)$/s.exec(path);
    if (!match) throw runtimeError(`An error occurred while executing the state '${env.stateName}'. Invalid path '${path}' in ${field}.`);
    const [, name, rest] = match as unknown as [string, string, string];
    if (!Object.prototype.hasOwnProperty.call(env.variables, name)) {
      throw runtimeError(`An error occurred while executing the state '${env.stateName}'. Undefined variable '${name}' in ${field}.`);
    }
    return readPath(env.variables[name], `$${rest}`, field, env.stateName, path, env.input);
  }
  return readPath(env.input, path, field, env.stateName);
}

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
