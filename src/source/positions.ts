/** Offsets (0-based, UTF-16 code units) to 1-based line and column, with the line table built on first use. */
import type { SourcePosition } from './types.js';

export class LineTable {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  position(offset: number): { line: number; column: number } {
    const starts = (this.starts ??= lineStarts(this.text));
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - starts[low]! + 1 };
  }

  range(start: number, end?: number): SourcePosition {
    const from = this.position(start);
    if (end === undefined || end <= start) return from;
    const to = this.position(end);
    return { ...from, endLine: to.line, endColumn: to.column };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
