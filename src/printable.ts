/**
 * Makes text from a user's file safe to print on a terminal. A state name, a string value or the bytes of a
 * binary file can hold ESC sequences (retitle the terminal, move the cursor, hide text, draw a fake
 * "✔ valid" line), carriage returns and other C0/C1 control characters. Every human-readable output
 * (stylish reports, the run view, graph labels, error messages) passes such text through `printable`;
 * machine formats (json, sarif, junit, github) keep the data as data and escape it in their own syntax.
 *
 * Each control character becomes a visible escape in JSON's spelling (`\u001b`, `\r`, `\t`), so the reader
 * sees that it is there and can find it in the file. A newline is kept only where the caller allows it.
 */

// C0 controls, DEL, C1 controls, and the Unicode line/paragraph separators and bidi overrides, which can
// reorder or hide what follows them on a terminal.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };

function escapeOne(ch: string): string {
  return NAMED[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `text` with every control character shown as an escape; `keepNewlines` leaves `\n` as a line break. */
export function printable(text: string, options: { keepNewlines?: boolean } = {}): string {
  const pattern = options.keepNewlines ? UNSAFE_BUT_NEWLINE : UNSAFE;
  // The common case (nothing to escape) returns the same string without allocating.
  pattern.lastIndex = 0;
  if (!pattern.test(text)) return text;
  pattern.lastIndex = 0;
  return text.replace(pattern, escapeOne);
}
