/**
 * A stop-gap reader for intrinsic function calls, used until the shared parser in src/asl/ lands.
 * It produces a small tree: calls, literals and paths.
 */
export type Arg =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'path'; path: string }
  | { kind: 'call'; call: Call };

export interface Call {
  name: string;
  args: Arg[];
}

export function parseCall(text: string): Call {
  let i = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at offset ${i} in ${text}`);
  };
  const skip = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const call = (): Call => {
    const match = /^[A-Za-z][A-Za-z0-9_.]*/.exec(text.slice(i));
    if (!match) return fail('expected a function name');
    const name = match[0];
    i += name.length;
    skip();
    if (text[i] !== '(') fail('expected "("');
    i++;
    const args: Arg[] = [];
    skip();
    if (text[i] === ')') {
      i++;
      return { name, args };
    }
    for (;;) {
      skip();
      args.push(arg());
      skip();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ')') {
        i++;
        return { name, args };
      }
      fail('expected "," or ")"');
    }
  };
  const arg = (): Arg => {
    const ch = text[i];
    if (ch === "'") {
      let value = '';
      i++;
      while (i < text.length && text[i] !== "'") {
        if (text[i] === '\\' && i + 1 < text.length) {
          const next = text[i + 1]!;
          // `\{` and `\}` stay escaped so States.Format can tell them from placeholders.
          value += next === '{' || next === '}' ? `\\${next}` : next;
          i += 2;
        } else {
          value += text[i++];
        }
      }
      if (text[i] !== "'") fail('unterminated string');
      i++;
      return { kind: 'string', value };
    }
    if (ch === '$') {
      const start = i;
      let depth = 0;
      let quote: string | undefined;
      while (i < text.length) {
        const c = text[i]!;
        if (quote) {
          if (c === quote) quote = undefined;
        } else if (c === "'" || c === '"') quote = c;
        else if (c === '[' || c === '(') depth++;
        else if (c === ']' || c === ')') {
          if (depth === 0) break;
          depth--;
        } else if (c === ',' && depth === 0) break;
        i++;
      }
      return { kind: 'path', path: text.slice(start, i).trim() };
    }
    const literal = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i));
    if (literal) {
      i += literal[0].length;
      if (literal[0] === 'true' || literal[0] === 'false') return { kind: 'boolean', value: literal[0] === 'true' };
      if (literal[0] === 'null') return { kind: 'null' };
      return { kind: 'number', value: Number(literal[0]) };
    }
    return { kind: 'call', call: call() };
  };
  skip();
  const result = call();
  skip();
  if (i !== text.length) fail('unexpected text after the call');
  return result;
}
