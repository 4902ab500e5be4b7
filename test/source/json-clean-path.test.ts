// parseJson reads a clean file with JSON.parse and counts keys to catch repeats; anything unusual takes the
// exact (jsonc-parser) path. These pin the cases where a shortcut could go wrong.
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/source/json.js';
import { MAX_NESTING_DEPTH } from '../../src/source/document.js';

const codes = (text: string) => parseJson(text).problems.map((p) => p.code);

describe('parseJson', () => {
  it('reads a clean file to the same value', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": [1, "x", null, true, {"k": -0.5e3}], "End": true}}}';
    expect(parseJson(text)).toMatchObject({ parsed: true, problems: [], value: JSON.parse(text) });
  });

  it('finds a repeated key at any depth, with its position', () => {
    expect(codes('{"a": 1, "a": 2}')).toEqual(['duplicate-key']);
    const nested = '{"States": {"A": {"Type": "Pass", "Next": "B", "Next": "C"}}}';
    expect(parseJson(nested).problems).toEqual([expect.objectContaining({ code: 'duplicate-key', pointer: '/States/A/Next', offset: nested.lastIndexOf('"Next"') })]);
  });

  it('is not fooled by strings that look like keys', () => {
    // A value holding `","` then `:`, escaped quotes, and a key that is an empty string.
    expect(codes('["v",":"]')).toEqual([]);
    expect(codes('{"a": "x\\": \\"y", "": 1, "b": "\\\\", "c": ":"}')).toEqual([]);
    expect(codes('{"a": "\\",\\"a\\":", "a": 2}')).toEqual(['duplicate-key']);
  });

  it('keeps a "__proto__" key as data, and still sees it repeated', () => {
    const parsed = parseJson('{"__proto__": {"x": 1}}');
    expect(Object.keys(parsed.value as object)).toEqual(['__proto__']);
    expect(codes('{"__proto__": 1, "__proto__": 2}')).toEqual(['duplicate-key']);
  });

  it('refuses nesting past the limit, and accepts it up to the limit', () => {
    const nest = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    expect(codes(nest(MAX_NESTING_DEPTH))).toEqual([]);
    expect(codes(nest(MAX_NESTING_DEPTH + 1))).toEqual(['nesting-too-deep']);
    expect(codes(nest(100_000))).toEqual(['nesting-too-deep']);
  });

  it('reports a syntax error with its offset', () => {
    expect(parseJson('{"a": }').problems).toEqual([expect.objectContaining({ code: 'parse-error', offset: 6 })]);
  });

  it('gives positions for a clean file when asked', () => {
    const text = '{\n  "States": {"A": {"Next": "B"}}\n}';
    expect(parseJson(text).spanOf('/States/A/Next')).toMatchObject({ start: text.indexOf('"B"') });
  });
});
