import { describe, expect, it } from 'vitest';
import {
  INTRINSIC_FUNCTIONS,
  callsOf,
  looksLikeIntrinsic,
  parameterKind,
  parseCall,
  parseIntrinsic,
  IntrinsicSyntaxError,
} from '../../src/asl/intrinsics.js';

describe('parseIntrinsic', () => {
  it('reads a call with every kind of argument, with offsets', () => {
    const text = "States.Format('Hi {}, {} {} {}', $.name, 42, true, null)";
    const result = parseIntrinsic(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { call } = result;
    expect(call.name).toBe('States.Format');
    expect(call.args.map((a) => a.kind)).toEqual(['string', 'path', 'number', 'boolean', 'null']);
    expect(call.args[1]).toMatchObject({ kind: 'path', path: '$.name' });
    const path = call.args[1]!;
    expect(text.slice(path.start, path.end)).toBe('$.name');
    expect(call.start).toBe(0);
    expect(call.end).toBe(text.length);
  });

  it('reads nested calls, context paths, variables and negative or decimal numbers', () => {
    const result = parseIntrinsic("States.ArrayGetItem(States.StringSplit($$.Execution.Id, ':'), -1.5e2, $myVar.items[0])");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [inner, number, variable] = result.call.args;
    expect(inner).toMatchObject({ kind: 'call', call: { name: 'States.StringSplit' } });
    expect(number).toMatchObject({ kind: 'number', value: -150 });
    expect(variable).toMatchObject({ kind: 'path', path: '$myVar.items[0]' });
    expect(callsOf(result.call).map((c) => [c.call.name, c.depth])).toEqual([
      ['States.ArrayGetItem', 1],
      ['States.StringSplit', 2],
    ]);
  });

  it('keeps filters with commas and parentheses inside one path argument', () => {
    const text = 'States.ArrayLength($.items[?(@.price < 10, @.x)] )';
    const result = parseIntrinsic(text);
    expect(result.ok && result.call.args).toEqual([{ kind: 'path', path: '$.items[?(@.price < 10, @.x)]', start: 19, end: text.length - 2 }]);
  });

  it('unescapes \\\' and \\\\ and keeps \\{ \\} escaped for States.Format', () => {
    const result = parseIntrinsic("States.Format('it\\'s \\{literal\\} \\\\ {}', 'x')");
    expect(result.ok && result.call.args[0]).toMatchObject({ kind: 'string', value: "it's \\{literal\\} \\ {}" });
  });

  it('accepts calls without arguments and whitespace between tokens', () => {
    expect(parseIntrinsic('States.UUID()')).toMatchObject({ ok: true, call: { name: 'States.UUID', args: [] } });
    expect(parseIntrinsic("  States.Array ( 1 ,  'a' )  ")).toMatchObject({ ok: true, call: { args: [{ value: 1 }, { value: 'a' }] } });
  });

  it.each([
    ["States.Format('a\\\"b')", 'not an escape', 16],
    ["States.Format('open", 'unterminated string', 14],
    ['States.Format($.a', 'missing ")"', 17],
    ['States.Format($.a) x', 'unexpected "x"', 19],
    ["States.Format('a' 'b')", 'expected "," or ")"', 18],
    ['States.Array(1,)', 'expected an argument', 15],
    ['States.Array("x")', 'single quotes', 13],
    ['States.Array(#)', 'expected an argument', 13],
    ['(1)', 'expected a function name', 0],
    ['States.Array 1', 'expected "("', 13],
    ['', 'expected a function name', 0],
  ])('reports %j as %s at offset %i', (text, message, offset) => {
    const result = parseIntrinsic(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(message);
    expect(result.offset).toBe(offset);
  });

  it('throws IntrinsicSyntaxError from parseCall, and survives deep nesting without overflowing', () => {
    expect(() => parseCall('States.Array(')).toThrow(IntrinsicSyntaxError);
    const deep = 'States.Array('.repeat(5000) + ')'.repeat(5000);
    const result = parseIntrinsic(deep);
    expect(result.ok).toBe(false);
  });
});

describe('the intrinsic function table', () => {
  it('lists the 18 functions with sane arities', () => {
    expect(Object.keys(INTRINSIC_FUNCTIONS)).toHaveLength(18);
    for (const signature of Object.values(INTRINSIC_FUNCTIONS)) expect(signature.min).toBeLessThanOrEqual(signature.max);
    expect(INTRINSIC_FUNCTIONS['States.MathRandom']).toMatchObject({ min: 2, max: 3 });
  });

  it('repeats the last parameter kind for variadic functions', () => {
    const format = INTRINSIC_FUNCTIONS['States.Format']!;
    expect([0, 1, 5].map((i) => parameterKind(format, i))).toEqual(['string', 'any', 'any']);
    expect(parameterKind(INTRINSIC_FUNCTIONS['States.UUID']!, 0)).toBe('any');
  });

  it('tells calls from paths the way AWS does (a name and "(" at the very start)', () => {
    expect(looksLikeIntrinsic('States.Array()')).toBe(true);
    expect(looksLikeIntrinsic('States.Xyz ($.a)')).toBe(true);
    expect(looksLikeIntrinsic(' States.Array()')).toBe(false);
    expect(looksLikeIntrinsic('$.a')).toBe(false);
    expect(looksLikeIntrinsic(42)).toBe(false);
  });
});
