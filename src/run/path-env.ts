/**
 * Where a JSONPath-mode path reads from (`$` the input, `$$` the context object, `$name` a variable) and
 * how a path is resolved there. Payload templates (payload.ts), intrinsic arguments (intrinsics.ts),
 * Choice rules and the data-flow fields all read paths through here.
 */
import { runtimeError } from './errors.js';
import { readPath } from './jsonpath.js';
import { splitVariablePath } from '../asl/jsonpath-syntax.js';
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
    const match = splitVariablePath(path);
    if (!match) throw runtimeError(`An error occurred while executing the state '${env.stateName}'. Invalid path '${path}' in ${field}.`);
    const { name, rest } = match;
    if (!Object.prototype.hasOwnProperty.call(env.variables, name)) {
      throw runtimeError(`An error occurred while executing the state '${env.stateName}'. Undefined variable '${name}' in ${field}.`);
    }
    return readPath(env.variables[name], rest, field, env.stateName, path, env.input);
  }
  return readPath(env.input, path, field, env.stateName);
}
