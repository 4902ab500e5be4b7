/**
 * How deeply JSON data may nest inside an execution. The interpreter (and JSON.stringify, which every
 * history event uses) walks data recursively, so data nested thousands of levels deep would exhaust
 * the stack; AWS's own JSON reader also refuses such documents. 1,000 levels is far beyond any real
 * payload and well inside what the stack allows.
 */
export const MAX_DATA_NESTING = 1000;

/** True when `value` nests objects and arrays deeper than `limit`; iterative, so any depth is safe to ask about. */
export function nestsDeeperThan(value: unknown, limit = MAX_DATA_NESTING): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** A JavaScript stack overflow, as thrown when recursive code meets data nested too deeply. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
