/**
 * Placeholders written where a JSON value belongs, outside any string: `"NumberOfWorkers": ${Workers}` in a
 * file that SAM's DefinitionSubstitutions, CloudFormation's `Fn::Sub` or Terraform's `templatefile()` fills
 * in before AWS sees it. JSON has no such token, so each one is masked with a JSON string of the same length
 * (offsets, and so every position, stay exact) and put back as the placeholder's own text once parsed.
 */
import { placeholderEnd } from '../asl/unresolved.js';

export interface MaskedText {
  /** The text with each unquoted placeholder replaced by a string literal of the same length. */
  text: string;
  /** Offset of each masked placeholder → its text as written. */
  sites: Map<number, string>;
}

/** Characters that may start a placeholder; anything else is skipped quickly. */
const STARTS = new Set(['$', '#', '{']);

/**
 * Finds the placeholders that stand where a value may (after ":", "[" or ",", outside strings and comments)
 * and masks them; undefined when there are none, which is the common case.
 */
export function maskUnquotedPlaceholders(text: string): MaskedText | undefined {
  // Most texts hold no placeholder at all; three native searches say so without a scan.
  if (!text.includes('${') && !text.includes('#{') && !text.includes('{{resolve:')) return undefined;
  let sites: Map<number, string> | undefined;
  let parts: string[] | undefined;
  let last = 0;
  let expectValue = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      i = stringEnd(text, i) - 1;
      expectValue = false;
    } else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      i = commentEnd(text, i) - 1;
    } else if (expectValue && STARTS.has(c)) {
      const end = placeholderEnd(text, i);
      if (end === -1) {
        expectValue = false; // an object's "{" is followed by a key, never a placeholder value
        continue;
      }
      (sites ??= new Map()).set(i, text.slice(i, end));
      (parts ??= []).push(text.slice(last, i), `"${'_'.repeat(end - i - 2)}"`);
      last = end;
      i = end - 1;
      expectValue = false;
    } else if (c === ':' || c === '[' || c === ',') {
      expectValue = true;
    } else if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') {
      expectValue = false;
    }
  }
  if (!sites || !parts) return undefined;
  parts.push(text.slice(last));
  return { text: parts.join(''), sites };
}

/** Offset just past a JSON string that opens at `at` (or the end of its line when it never closes). */
function stringEnd(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') return i + 1;
    else if (c === '\n') return i;
  }
  return text.length;
}

function commentEnd(text: string, at: number): number {
  if (text[at + 1] === '/') {
    const newline = text.indexOf('\n', at);
    return newline === -1 ? text.length : newline;
  }
  const close = text.indexOf('*/', at + 2);
  return close === -1 ? text.length : close + 2;
}
