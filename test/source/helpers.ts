import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const fixtures = fileURLToPath(new URL('../fixtures/source/', import.meta.url));

export function fixture(name: string): string {
  return readFileSync(fixtures + name, 'utf8');
}

/** 1-based line:column of the first occurrence of `needle` in `text` (after `from`, when given). */
export function positionOf(text: string, needle: string, from = ''): { line: number; column: number } {
  const start = from ? text.indexOf(from) : 0;
  const offset = text.indexOf(needle, start);
  if (offset < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
