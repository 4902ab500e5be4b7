import { describe, expect, it } from 'vitest';
import { maskUnquotedPlaceholders } from '../../src/source/placeholders.js';

describe('maskUnquotedPlaceholders', () => {
  it('masks a placeholder where a value belongs with a string of the same length', () => {
    const text = '{"a": ${A}, "b": [#{B}, {{resolve:ssm:c}}]}';
    const masked = maskUnquotedPlaceholders(text)!;
    expect(masked.text).toHaveLength(text.length);
    expect(JSON.parse(masked.text)).toEqual({ a: '__', b: ['__', '_'.repeat(15)] });
    expect([...masked.sites]).toEqual([
      [6, '${A}'],
      [18, '#{B}'],
      [24, '{{resolve:ssm:c}}'],
    ]);
  });

  it('leaves placeholders inside strings and comments, and plain JSON, alone', () => {
    expect(maskUnquotedPlaceholders('{"a": "${A}", "b": "x\\"${B}"}')).toBeUndefined();
    expect(maskUnquotedPlaceholders('{"a": 1 // ${A}\n}')).toBeUndefined();
    expect(maskUnquotedPlaceholders('{"a": {"b": [1, 2]}}')).toBeUndefined();
  });

  it('does not take an object key or an unclosed placeholder', () => {
    expect(maskUnquotedPlaceholders('{${Key}: 1}')).toBeUndefined();
    expect(maskUnquotedPlaceholders('{"a": ${A\n}')).toBeUndefined();
  });
});
