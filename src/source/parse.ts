/** Picks the parser for a text: by file extension first, then by the first meaningful character. */
import type { ParsedText } from './document.js';
import { jsonc as loadJsonc, parseJson } from './json.js';
import { parseYaml } from './yaml.js';


/** The YAML fallback for JSON5 is slow (about 1 MB a second); past this size the JSON error stands. */
const YAML_FALLBACK_LIMIT = 4 * 1024 * 1024;

export type Format = 'json' | 'json5' | 'yaml';

export function detectFormat(file: string, text: string): Format {
  const lower = file.toLowerCase();
  if (lower.endsWith('.json5')) return 'json5';
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  const first = /\S/.exec(text)?.[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

export function parseText(raw: string, format: Format): ParsedText {
  // The YAML parser reads a byte-order mark itself (YAML allows one); a space in its place would indent the
  // first line and break the document. For JSON it is a space, which keeps every offset.
  if (format === 'yaml') return parseYaml(raw);
  const text = raw.charCodeAt(0) === 0xfeff ? ` ${raw.slice(1)}` : raw;
  if (format === 'json') return parseJson(text);
  const tolerant = parseJson(text, { tolerant: true });
  if (tolerant.parsed || tolerant.problems[0]?.code !== 'parse-error') return tolerant;
  // JSON5 beyond comments and trailing commas (unquoted keys, single quotes …) is mostly YAML flow
  // syntax once the comments are blanked out; blanking keeps every offset, so positions stay exact.
  if (text.length > YAML_FALLBACK_LIMIT) return tolerant;
  const asYaml = parseYaml(blankComments(text));
  return asYaml.parsed ? asYaml : tolerant;
}

/** Replaces // and /* comments with spaces (newlines kept), so offsets do not move. */
function blankComments(text: string): string {
  const jsonc = loadJsonc();
  const scanner = jsonc.createScanner(text, false);
  const parts: string[] = [];
  let last = 0;
  for (let kind = scanner.scan(); kind !== jsonc.SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === jsonc.SyntaxKind.LineCommentTrivia || kind === jsonc.SyntaxKind.BlockCommentTrivia) {
      const start = scanner.getTokenOffset();
      const end = start + scanner.getTokenLength();
      parts.push(text.slice(last, start), text.slice(start, end).replace(/[^\n\r]/g, ' '));
      last = end;
    }
  }
  parts.push(text.slice(last));
  return parts.join('');
}
