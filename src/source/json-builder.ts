/**
 * Builds the value of a JSON text from jsonc-parser's visitor events, in one pass: duplicate keys with the
 * pointer and offset of the second, nesting past the limit, the first syntax error, and masked placeholders
 * (see placeholders.ts) put back as their own text.
 */
import type * as Jsonc from 'jsonc-parser';
import { escapePointerToken } from '../asl/pointer.js';
import type { ParseProblem } from './document.js';
import { MAX_NESTING_DEPTH, setMember, tooDeepMessage } from './document.js';

interface Frame {
  value: Record<string, unknown> | unknown[];
  key?: string;
  keyOffset?: number;
}

export type SyntaxWords = (error: Jsonc.ParseErrorCode, offset: number, inArray: boolean) => string;

export class JsonValueBuilder {
  root: unknown;
  readonly problems: ParseProblem[] = [];
  /** Masked placeholders by the pointer of the value they stand for. */
  unquoted: Map<string, string> | undefined;
  private readonly stack: Frame[] = [];
  private syntaxError: ParseProblem | undefined;
  private tooDeep: ParseProblem | undefined;

  constructor(
    private readonly placeholders: ReadonlyMap<number, string> | undefined,
    private readonly words: SyntaxWords,
  ) {}

  /** The problem that stops the parse (a syntax error first), if any. */
  fatal(): ParseProblem | undefined {
    return this.syntaxError ?? this.tooDeep;
  }

  stackExhausted(): void {
    this.tooDeep ??= { code: 'nesting-too-deep', message: tooDeepMessage(), offset: 0 };
  }

  visitor(): Jsonc.JSONVisitor {
    const stack = this.stack;
    return {
      onObjectBegin: (offset) => this.open({}, offset),
      onArrayBegin: (offset) => this.open([], offset),
      onObjectEnd: () => void stack.pop(),
      onArrayEnd: () => void stack.pop(),
      onObjectProperty: (key, offset) => {
        const top = stack[stack.length - 1];
        if (top) {
          top.key = key;
          top.keyOffset = offset;
        }
      },
      onLiteralValue: (value, offset) => {
        if (this.fatal()) return;
        const placeholder = this.placeholders?.get(offset);
        this.put(placeholder ?? value);
        if (placeholder !== undefined) (this.unquoted ??= new Map()).set(pointerOf(stack), placeholder);
      },
      onError: (error, offset) => {
        this.syntaxError ??= { code: 'parse-error', message: this.words(error, offset, Array.isArray(stack[stack.length - 1]?.value)), offset };
      },
    };
  }

  private put(value: unknown): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) this.root = value;
    else if (Array.isArray(top.value)) top.value.push(value);
    else {
      const key = top.key!;
      if (Object.prototype.hasOwnProperty.call(top.value, key)) {
        this.problems.push({
          code: 'duplicate-key',
          message: `Duplicate key "${key}": an object may name each key once; rename or merge the two (the later one would silently win)`,
          offset: top.keyOffset!,
          pointer: pointerOf(this.stack),
        });
      }
      setMember(top.value, key, value);
    }
  }

  private open(value: Record<string, unknown> | unknown[], offset: number): boolean {
    if (this.fatal()) return false;
    if (this.stack.length >= MAX_NESTING_DEPTH) {
      this.tooDeep = { code: 'nesting-too-deep', message: tooDeepMessage(), offset };
      return false;
    }
    this.put(value);
    this.stack.push({ value });
    return true;
  }
}

/** Pointer of the member being built in the top frame; computed only when a duplicate or placeholder needs one. */
function pointerOf(stack: readonly Frame[]): string {
  let pointer = '';
  for (const frame of stack) {
    pointer += '/' + (Array.isArray(frame.value) ? String(frame.value.length - 1) : escapePointerToken(frame.key!));
  }
  return pointer;
}
