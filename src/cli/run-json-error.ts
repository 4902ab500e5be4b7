/**
 * Where a JSON text first goes wrong. Node 20's JSON.parse messages do not always say, and a user who
 * typed `--input '{"a":}'` needs the spot, so this small scanner finds the offset of the first error.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (ch === '"') return string();
    const literal = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i));
    if (!literal) fail();
    i += literal![0].length;
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (offset) {
    return offset as number;
  }
}

/** The 1-based line and column of a 0-based offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/**
 * What is wrong at the offset jsonErrorOffset found, in one line: Node's own JSON.parse messages quote a
 * stretch of the text, line breaks included, and do not say what was expected.
 */
export function describeJsonError(text: string, offset: number): string {
  if (offset >= text.length) return text.trim() === '' ? 'there is no JSON value (the text is empty)' : 'the JSON ends too early (is a closing bracket, brace or quote missing?)';
  if (offset > 0 && text.slice(0, offset).trim() !== '') {
    try {
      JSON.parse(text.slice(0, offset));
      return 'unexpected text after the JSON value (the input must be a single JSON value)';
    } catch {
      // Not a complete value before the offset: the mistake is at the offset itself.
    }
  }
  const ch = text[offset]!;
  if (ch === '\n' || ch === '\r') return 'unexpected line break (is a string missing its closing quote?)';
  if (text.charCodeAt(offset) < 0x20) return `unexpected control character ${JSON.stringify(ch)}`;
  const word = /^[A-Za-z0-9_.+-]+/.exec(text.slice(offset))?.[0];
  if (word) return `unexpected ${JSON.stringify(word.slice(0, 20))}${/^[A-Za-z_]/.test(word) ? ' (strings need double quotes; the literals are true, false and null)' : ''}`;
  if (ch === "'") return "unexpected ' (JSON strings use double quotes)";
  return `unexpected ${JSON.stringify(ch)}`;
}

/** "line 1, column 6 (position 5)" for a 0-based offset. */
export function describeOffset(text: string, offset: number): string {
  const { line, column } = lineColumn(text, offset);
  return `line ${line}, column ${column} (position ${offset})`;
}
