/** Turns a pointer relative to a definition into a file position, using a parsed text's lazy span index. */
import type { NodeSpan } from './document.js';
import type { SourcePosition } from './types.js';

export type OffsetToPosition = (start: number, end?: number) => SourcePosition;

/**
 * Members whose value is an object or array point at their key (an editor underlines `"Retry"`, not a
 * whole block); scalar values and array items point at the value itself. A pointer that names nothing
 * falls back to its nearest existing ancestor.
 */
export function makeLocate(
  spanOf: (pointer: string) => NodeSpan | undefined,
  base: string,
  toPosition: OffsetToPosition,
): (pointer: string) => SourcePosition {
  return (pointer) => {
    let full = base + pointer;
    for (;;) {
      const span = spanOf(full);
      if (span) {
        if (span.keyStart !== undefined && span.container && full !== base) return toPosition(span.keyStart);
        return toPosition(span.start, span.container ? undefined : span.end);
      }
      if (full === '' || full.length <= base.length) return toPosition(spanOf(base)?.start ?? 0);
      full = full.slice(0, full.lastIndexOf('/'));
    }
  };
}
