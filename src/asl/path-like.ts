import { joinPointer } from './pointer.js';

/** What AWS's ValidateStateMachineDefinition treats as path-looking: a path, a context path, or an intrinsic call. */
export function looksLikePath(value: unknown): value is string {
  return typeof value === 'string' && /^(\$\$?\.|\$\$?\[|States\.[A-Za-z]+\()/.test(value);
}

/**
 * Visits the leaves (strings, numbers, booleans, null) of a payload template in document order, with their
 * pointer and the key that holds them. Iterative, so a deep document cannot exhaust the call stack; containers
 * deeper than `maxDepth` levels below `value` are passed over.
 */
export function visitLeaves(
  value: unknown,
  pointer: string,
  visit: (key: string, leaf: unknown, pointer: string) => void,
  key = '',
  maxDepth = Infinity,
): void {
  const stack: Array<[value: unknown, pointer: string, key: string, depth: number]> = [[value, pointer, key, 0]];
  while (stack.length > 0) {
    const [current, at, holder, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') visit(holder, current, at);
    else if (depth >= maxDepth) continue;
    else if (Array.isArray(current)) for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], `${at}/${i}`, holder, depth + 1]);
    else {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], joinPointer(at, entries[i]![0]), entries[i]![0], depth + 1]);
    }
  }
}
