/**
 * What a parser hands back: the value, the problems it met (as offsets into its own text), and a lazy
 * index from JSON Pointer to offsets. The index is built on the first lookup only, so a clean file costs
 * one parse.
 */
import type { LoaderCode } from './codes.js';

/** Deeper than this is refused: later stages (the schema validator, the walker) recurse. */
export const MAX_NESTING_DEPTH = 256;

export function tooDeepMessage(): string {
  return `Objects and arrays are nested more than ${MAX_NESTING_DEPTH} levels deep; a state machine never needs that, so the file is refused`;
}

export interface NodeSpan {
  /** Offset of the value's first character. */
  start: number;
  /** Offset just past the value. */
  end: number;
  /** Offset of the member's key, for object members. */
  keyStart?: number;
  /** True when the value is an object or array. */
  container: boolean;
}

export interface ParseProblem {
  code: LoaderCode;
  message: string;
  offset: number;
  /** Pointer of the offending node (duplicate keys), when known. */
  pointer?: string;
}

export interface ParsedText {
  format: 'json' | 'yaml';
  /** False when the text did not parse at all (value is then undefined). */
  parsed: boolean;
  value: unknown;
  problems: ParseProblem[];
  /**
   * Placeholders written outside strings (`"Workers": ${Workers}`), by pointer: the value holds each one's
   * text as a string, and this says it stands for any JSON value rather than a string.
   */
  unquoted?: ReadonlyMap<string, string>;
  /** Span of the node at a pointer, or undefined when there is none. Lazy. */
  spanOf(pointer: string): NodeSpan | undefined;
}

/** Builds the index on first use and answers from it afterwards. */
export function lazyIndex(build: () => Map<string, NodeSpan>): (pointer: string) => NodeSpan | undefined {
  let index: Map<string, NodeSpan> | undefined;
  return (pointer) => (index ??= build()).get(pointer);
}

/** Assigns a member without letting "__proto__" change the object's prototype. */
export function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}
