/**
 * A readable diff of an expected value against the actual one: both pretty-printed as JSON with sorted
 * keys (so key order never shows as a difference), compared line by line by the `diff` package.
 * "- " lines are expected, "+ " lines actual; unchanged runs longer than a few lines are folded.
 */
import { diffLines } from 'diff';
import { printable } from '../../printable.js';
import type { Painter } from '../../report/types.js';

const CONTEXT = 3;

function sortedJson(value: unknown): string {
  if (value === undefined) return '(nothing)';
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]));
    return v;
  };
  return JSON.stringify(sort(value), null, 2);
}

export function valueDiff(expected: unknown, actual: unknown, paint: Painter): string[] {
  const out: string[] = [];
  for (const part of diffLines(sortedJson(expected), sortedJson(actual))) {
    const lines = part.value.replace(/\n$/, '').split('\n').map((line) => printable(line));
    if (part.removed) out.push(...lines.map((l) => paint.red(`- ${l}`)));
    else if (part.added) out.push(...lines.map((l) => paint.green(`+ ${l}`)));
    else if (lines.length > CONTEXT * 2 + 1) out.push(...lines.slice(0, CONTEXT).map((l) => `  ${l}`), paint.dim(`  … ${lines.length - CONTEXT * 2} unchanged line(s)`), ...lines.slice(-CONTEXT).map((l) => `  ${l}`));
    else out.push(...lines.map((l) => `  ${l}`));
  }
  return out;
}
