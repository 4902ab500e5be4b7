/**
 * A DefinitionString is a document inside a string inside a template. To report positions in the
 * template, each character of the decoded string is mapped back to where it sits in the template text:
 * exactly for JSON string literals and YAML literal blocks (`|`), best effort for other YAML scalars.
 */
import { mapJsonStringLiteral } from './json.js';
import type { YamlSpan } from './yaml.js';

export type OffsetMap = (innerOffset: number) => number;

export function mapStringOffsets(text: string, span: YamlSpan, value: string, format: 'json' | 'yaml'): OffsetMap {
  if (format === 'json' || span.scalarType === 'QUOTE_DOUBLE') {
    const literal = mapJsonStringLiteral(text, span.start);
    if (literal && literal.value === value) return fromTable(literal.offsets);
  }
  if (span.scalarType === 'BLOCK_LITERAL') {
    const block = mapLiteralBlock(text, span, value);
    if (block) return block;
  }
  return fromTable(alignGreedily(text, span, value));
}

function fromTable(offsets: Int32Array): OffsetMap {
  return (inner) => offsets[Math.max(0, Math.min(inner, offsets.length - 1))]!;
}

/** `|` blocks keep every line: decoded line k is content line k, shifted right by the block's indentation. */
function mapLiteralBlock(text: string, span: YamlSpan, value: string): OffsetMap | undefined {
  const headerEnd = text.indexOf('\n', span.start);
  if (headerEnd === -1) return undefined;
  const header = text.slice(span.start, headerEnd);
  const explicit = /^[|>][+-]?(\d)|^[|>]\d?[+-]?/.exec(header);
  const rawLineStarts: number[] = [];
  for (let at = headerEnd + 1; at < span.end; at = text.indexOf('\n', at) + 1) {
    rawLineStarts.push(at);
    if (text.indexOf('\n', at) === -1) break;
  }
  let indent = explicit?.[1] ? Number(explicit[1]) : -1;
  if (indent < 0) {
    for (const start of rawLineStarts) {
      const line = text.slice(start, text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start));
      if (line.trim() !== '') {
        indent = line.length - line.trimStart().length;
        break;
      }
    }
  }
  if (indent < 0) return undefined;
  const decodedLineStarts = [0];
  for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1)) decodedLineStarts.push(i + 1);
  return (inner) => {
    let line = 0;
    let high = decodedLineStarts.length - 1;
    while (line < high) {
      const mid = (line + high + 1) >> 1;
      if (decodedLineStarts[mid]! <= inner) line = mid;
      else high = mid - 1;
    }
    const rawStart = rawLineStarts[Math.min(line, rawLineStarts.length - 1)] ?? span.start;
    return rawStart + indent + (inner - decodedLineStarts[line]!);
  };
}

/**
 * Walks the decoded value and the raw text side by side, matching each decoded character with the next
 * raw character that could have produced it (a folded line break produces a space, `\n` escapes a newline).
 */
function alignGreedily(text: string, span: YamlSpan, value: string): Int32Array {
  const offsets = new Int32Array(value.length + 1);
  let raw = span.start;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    let probe = raw;
    while (probe < span.end && !produces(text, probe, c)) probe++;
    if (probe >= span.end) {
      offsets.fill(raw, i);
      return offsets;
    }
    offsets[i] = probe;
    raw = probe + (text[probe] === '\\' && c !== '\\' ? 2 : 1);
  }
  offsets[value.length] = raw;
  return offsets;
}

function produces(text: string, at: number, c: string): boolean {
  const r = text[at];
  if (r === c) return true;
  if (c === ' ' && r === '\n') return true;
  if (r === '\\') {
    const e = text[at + 1];
    return (c === '\n' && e === 'n') || (c === '\t' && e === 't') || (c === '"' && e === '"');
  }
  return false;
}
