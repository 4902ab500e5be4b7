/**
 * The grammar of JSONPath filter and script expressions (`[?(@.price < 10 && @.tag == 'x')]`,
 * `[(@.length-1)]`), shared by validate and run: validate reports what this parser refuses at its offset,
 * and run evaluates the tree it builds (`src/run/jsonpath-filter.ts`), so whatever validate accepts, run
 * can evaluate. It builds a tree and never runs anything: there are no calls, so input cannot run code.
 *
 * The dialect is Jayway's (the JSONPath library Step Functions evaluates paths with), without its
 * functions (`length()`), which AWS does not support: `@` is the current item, `$` the path's root;
 * members `.name`, `['name']`, `[0]`; literals (numbers, quoted strings, true, false, null, lists
 * `[1, 'a']`); `!` and unary `-`; `* / %`, `+ -`, `< <= > >=`, `== != === !==`, `=~ /regex/flags`,
 * the word operators `in nin subsetof anyof noneof size empty`; `&&`, `||`; and parentheses.
 */

export type FilterNode =
  | { kind: 'literal'; value: unknown }
  | { kind: 'current' }
  | { kind: 'root' }
  | { kind: 'member'; object: FilterNode; key: FilterNode }
  | { kind: 'list'; items: FilterNode[] }
  | { kind: 'unary'; op: '!' | '-'; operand: FilterNode }
  | { kind: 'binary'; op: string; left: FilterNode; right: FilterNode }
  | { kind: 'match'; operand: FilterNode; source: string; flags: string };

/** `end` is the offset of the `)` that closes the expression. */
export type FilterSyntax = { ok: true; node: FilterNode; end: number } | { ok: false; message: string; offset: number };

/** Jayway's operators spelt as words; they bind as tightly as `==`. */
export const WORD_OPERATORS: ReadonlySet<string> = new Set(['in', 'nin', 'subsetof', 'anyof', 'noneof', 'size', 'empty']);

type Token = { kind: 'num' | 'str' | 'id' | 'op' | 'end'; value: string; at: number } | { kind: 're'; value: string; flags: string; at: number };

class FilterError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const NUMBER = /\d+(\.\d+)?([eE][+-]?\d+)?/y;
const NAME = /[\p{L}\p{N}_$]+/uy;
const OPERATOR = /===|!==|==|!=|=~|<=|>=|&&|\|\||[<>!()[\].,+\-*/%@$]/y;
const LEVELS: string[][] = [['||'], ['&&'], [], ['<', '<=', '>', '>='], ['+', '-'], ['*', '/', '%']];

/** Reads one token at `i`; the caller decides what it may be. */
function readToken(text: string, i: number): Token {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  if (i >= text.length) return { kind: 'end', value: '', at: i };
  const ch = text[i]!;
  if (ch === "'" || ch === '"') {
    let j = i + 1;
    let value = '';
    while (j < text.length && text[j] !== ch) {
      if (text[j] === '\\' && j + 1 < text.length) j++;
      value += text[j++];
    }
    if (j >= text.length) throw new FilterError(`unterminated string: add the closing ${ch}`, i);
    return { kind: 'str', value, at: i };
  }
  for (const [kind, pattern] of [['num', NUMBER], ['id', /[\p{L}_][\p{L}\p{N}_]*/uy], ['op', OPERATOR]] as const) {
    pattern.lastIndex = i;
    const match = pattern.exec(text);
    if (match) return { kind, value: match[0], at: i };
  }
  throw new FilterError(`"${ch}" is not allowed in a filter`, i);
}

/** Where a token ends (strings and regular expressions are longer than their value). */
function tokenEnd(text: string, token: Token): number {
  if (token.kind !== 'str') return token.at + token.value.length;
  let j = token.at + 1;
  while (text[j] !== text[token.at]) j += text[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** Reads `/source/flags` after `=~`; the pattern must compile, as run compiles it. */
function readRegex(text: string, from: number): Token & { kind: 're' } {
  let i = from;
  while (/\s/.test(text[i] ?? '')) i++;
  if (text[i] !== '/') throw new FilterError('=~ needs a regular expression such as /^a.*/i', i);
  let j = i + 1;
  while (j < text.length && text[j] !== '/') j += text[j] === '\\' ? 2 : 1;
  if (j >= text.length) throw new FilterError('unterminated regular expression: add the closing /', i);
  const flags = /^[a-z]*/.exec(text.slice(j + 1))![0];
  const source = text.slice(i + 1, j);
  try {
    new RegExp(`^(?:${source})$`, regexFlags(flags));
  } catch (error) {
    throw new FilterError(`invalid regular expression /${source}/: ${(error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '').toLowerCase()}`, i);
  }
  return { kind: 're', value: source, flags, at: i };
}

/** The flags Jayway's patterns honour (case-insensitive, multi-line, dot-all), as JavaScript flags. */
export function regexFlags(flags: string): string {
  return [...new Set(flags.replace(/[^ims]/g, ''))].join('');
}

/** Parses the expression that starts at `start` in `text` and runs to the `)` that closes it; never throws. */
export function parseFilterExpression(text: string, start: number): FilterSyntax {
  try {
    const parser = new Parser(text, start);
    if (parser.peek().value === ')' || parser.peek().kind === 'end') throw new FilterError('the expression is empty', parser.peek().at);
    const node = parser.expression(0);
    const close = parser.peek();
    if (close.kind === 'end') throw new FilterError('missing ")" to close the expression', start - 1);
    if (close.value === ']' && close.kind === 'op') throw new FilterError('missing ")" before "]"', close.at);
    if (close.value !== ')') throw new FilterError(`unexpected ${describe(close)}: join conditions with && or ||`, close.at);
    return { ok: true, node, end: close.at };
  } catch (error) {
    if (error instanceof FilterError) return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
}

function describe(token: Token): string {
  return token.kind === 'end' ? 'the end of the path' : `"${token.kind === 'str' ? `'${token.value}'` : token.value}"`;
}

/** Deeper nesting than any real filter; the limit keeps the recursive parser and evaluator off the stack's end. */
const MAX_DEPTH = 100;
/** Operators and steps in one expression: a chain (`@.a + 1 + 1 …`) is as deep a tree for the evaluator. */
const MAX_PARTS = 1000;

class Parser {
  private token: Token;
  private depth = 0;
  private parts = 0;

  constructor(
    private readonly text: string,
    start: number,
  ) {
    this.token = readToken(text, start);
  }

  peek(): Token {
    return this.token;
  }

  /** Counts an operator or step; past MAX_PARTS the expression is refused. */
  private part<T extends FilterNode>(node: T): T {
    if (++this.parts > MAX_PARTS) throw new FilterError(`the expression has more than ${MAX_PARTS} operators and steps; split the work over several states`, this.token.at);
    return node;
  }

  private take(): Token {
    const token = this.token;
    if (token.kind !== 'end') this.token = readToken(this.text, tokenEnd(this.text, token));
    return token;
  }

  private expect(value: string, what: string): void {
    if (this.token.value !== value || this.token.kind === 'str') throw new FilterError(`expected ${what}, found ${describe(this.token)}`, this.token.at);
    this.take();
  }

  /** Binary operators by precedence level; level 2 is equality and the word operators. */
  expression(level: number): FilterNode {
    if (level === LEVELS.length) return this.unary();
    if (level === 2) return this.equality();
    let left = this.expression(level + 1);
    while (this.token.kind === 'op' && LEVELS[level]!.includes(this.token.value)) {
      const op = this.take().value;
      left = this.part({ kind: 'binary', op, left, right: this.expression(level + 1) });
    }
    return left;
  }

  private equality(): FilterNode {
    let left = this.expression(3);
    for (;;) {
      const token = this.token;
      if (token.kind === 'op' && ['==', '!=', '===', '!=='].includes(token.value)) {
        this.take();
        left = this.part({ kind: 'binary', op: token.value, left, right: this.expression(3) });
      } else if (token.kind === 'op' && token.value === '=~') {
        const regex = readRegex(this.text, token.at + 2);
        this.token = readToken(this.text, regex.at + regex.value.length + 2 + regex.flags.length);
        left = this.part({ kind: 'match', operand: left, source: regex.value, flags: regex.flags });
      } else if (token.kind === 'id' && WORD_OPERATORS.has(token.value)) {
        this.take();
        left = this.part({ kind: 'binary', op: token.value, left, right: this.expression(3) });
      } else return left;
    }
  }

  private unary(): FilterNode {
    const token = this.token;
    if (++this.depth > MAX_DEPTH) throw new FilterError(`the expression is nested more than ${MAX_DEPTH} levels deep`, token.at);
    try {
      return this.unaryAt(token);
    } finally {
      this.depth--;
    }
  }

  private unaryAt(token: Token): FilterNode {
    if (token.kind === 'op' && (token.value === '!' || token.value === '-')) {
      this.take();
      return { kind: 'unary', op: token.value, operand: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private primary(): FilterNode {
    const token = this.take();
    if (token.kind === 'num') return { kind: 'literal', value: Number(token.value) };
    if (token.kind === 'str') return { kind: 'literal', value: token.value };
    if (token.kind === 'id') return this.word(token);
    if (token.value === '@') {
      if (/[\p{L}_]/u.test(this.text[token.at + 1] ?? '')) {
        throw new FilterError('"@" stands for the current item on its own; read its fields with @.name, and the input with $', token.at);
      }
      return { kind: 'current' };
    }
    if (token.value === '$') return { kind: 'root' };
    if (token.value === '(') {
      const inner = this.expression(0);
      this.expect(')', '")"');
      return inner;
    }
    if (token.value === '[') return this.list();
    throw new FilterError(token.kind === 'end' ? 'the expression is incomplete' : `expected a value, found ${describe(token)}`, token.at);
  }

  private word(token: Token): FilterNode {
    if (token.value === 'true' || token.value === 'false') return { kind: 'literal', value: token.value === 'true' };
    if (token.value === 'null') return { kind: 'literal', value: null };
    // `@.first-name` reads as `@.first - name`: the name needs brackets. (Scanned back by hand: a regular
    // expression over the text before it would cost time quadratic in a long name.)
    let start = token.at - 1;
    if (this.text[start] === '-') {
      while (start > 0 && /[\p{L}\p{N}_$]/u.test(this.text[start - 1]!)) start--;
      if (this.text[start - 1] === '.' && start < token.at - 1) {
        const name = this.text.slice(start, token.at + token.value.length);
        throw new FilterError(`"${name}" reads as a subtraction; write a name with "-" in brackets: ['${name}']`, start);
      }
    }
    throw new FilterError(`unknown name "${token.value}": read the current item with @ (@.${token.value}), the input with $, or quote text ('${token.value}')`, token.at);
  }

  /** A list literal, the right-hand side of in, nin, subsetof, anyof and noneof. */
  private list(): FilterNode {
    const items: FilterNode[] = [];
    while (this.token.value !== ']' || this.token.kind === 'str') {
      items.push(this.expression(0));
      if (this.token.value !== ']') this.expect(',', '"," or "]"');
    }
    this.take();
    return { kind: 'list', items };
  }

  private postfix(node: FilterNode): FilterNode {
    for (;;) {
      const token = this.token;
      if (token.kind === 'op' && token.value === '.') {
        NAME.lastIndex = token.at + 1;
        const name = NAME.exec(this.text);
        if (!name) {
          const what = this.text[token.at + 1] === '.' || this.text[token.at + 1] === '*' ? 'a recursive search or wildcard inside a filter is not supported' : 'expected a field name after "."';
          throw new FilterError(what, token.at + 1);
        }
        this.token = readToken(this.text, token.at + 1 + name[0].length);
        if (this.token.value === '(' && this.token.kind === 'op') {
          throw new FilterError(`functions such as ${name[0]}() are not supported in Step Functions paths; compare @.list.length for the size of a list or text`, token.at + 1);
        }
        node = this.part({ kind: 'member', object: node, key: { kind: 'literal', value: name[0] } });
      } else if (token.kind === 'op' && token.value === '[') {
        this.take();
        if (this.token.value === '?' || this.token.value === '*') throw new FilterError('a filter or wildcard inside a filter is not supported', this.token.at);
        const key = this.expression(0);
        this.expect(']', '"]"');
        node = this.part({ kind: 'member', object: node, key });
      } else return node;
    }
  }
}
