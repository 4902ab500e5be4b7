import { joinPointer } from './pointer.js';

/** What AWS's ValidateStateMachineDefinition treats as path-looking: a path, a context path, or an intrinsic call. */
export function looksLikePath(value: unknown): value is string {
  return typeof value === 'string' && /^(\$\$?\.|\$\$?\[|States\.[A-Za-z]+\()/.test(value);
}

/** Visits the string leaves of a payload template with their pointer and the key that holds them. */
export function visitLeaves(value: unknown, pointer: string, visit: (key: string, leaf: unknown, pointer: string) => void, key = ''): void {
  if (Array.isArray(value)) value.forEach((v, i) => visitLeaves(v, `${pointer}/${i}`, visit, key));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) visitLeaves(v, joinPointer(pointer, k), visit, k);
  else visit(key, value, pointer);
}
