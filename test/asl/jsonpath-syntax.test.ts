import { describe, expect, it } from 'vitest';
import { describeFeature, parsePath, referencePathViolation } from '../../src/asl/jsonpath-syntax.js';

describe('parsePath', () => {
  it.each([
    ['$', 'input', []],
    ['$.order.items[0].id', 'input', []],
    ["$['first name']", 'input', []],
    ["$.abc.['def ghi']", 'input', []],
    ['$.a-b.c_d.e:f', 'input', []],
    ['$[-1]', 'input', []],
    ['$$', 'context', []],
    ['$$.Execution.Input.order', 'context', []],
    ['$$.Map.Item.Value', 'context', []],
    ['$order', 'variable', []],
    ['$order.total', 'variable', []],
    ['$_x[2]', 'variable', []],
    ['$.items[*].id', 'input', ['wildcard']],
    ['$.items.*', 'input', ['wildcard']],
    ['$..id', 'input', ['deep-scan']],
    ['$.items[?(@.price < 10)]', 'input', ['filter']],
    ["$.items[?(@.name == 'a)b')]", 'input', ['filter']],
    ['$.items[?(@.name =~ /^(a|b)\\)$/i)]', 'input', ['filter']],
    ['$.items[(@.length-1)]', 'input', ['script']],
    ["$['a','b']", 'input', ['union']],
    ['$.a[0,1]', 'input', ['union']],
    ['$.a[1:3]', 'input', ['slice']],
    ['$.a[:2]', 'input', ['slice']],
    ['$.a[::2]', 'input', ['slice']],
    ['$.a.length()', 'input', ['function']],
    ['$[*][*]', 'input', ['wildcard']],
  ])('accepts %s', (text, root, features) => {
    const parsed = parsePath(text);
    expect(parsed).toMatchObject({ ok: true, root, features });
  });

  it.each([
    ['bug$.library.movies', 'a path starts with "$"', 0],
    ['.guid', 'a path starts with "$"', 0],
    ['..guid', 'a path starts with "$"', 0],
    ['()', 'a path starts with "$"', 0],
    ['$...', '"..." is not valid', 1],
    ['$.', 'the path ends with "."', 2],
    ['$..', 'the path ends with ".."', 3],
    ['$.a.', 'the path ends with "."', 4],
    ['$$23', 'unexpected "2" after "$$"', 2],
    ['$23', 'unexpected "2" after "$"', 1],
    ['$.a[', 'missing "]"', 3],
    ['$.a[]', 'empty brackets', 3],
    ['$.a[abc]', 'is not an index', 3],
    ["$.a['x", 'unterminated name', 4],
    ['$.a[?(@.x]', 'missing ")"', 9],
    ['$.a[?()]', 'is empty', 6],
    ['$.a[?(@.x', 'missing ")"', 5],
    ["$.a[?(@.constructor.constructor('x')())]", 'functions such as constructor() are not supported', 20],
    ['$.a[?(@.tags.length() > 1)]', 'functions such as length()', 13],
    ['$.a[?(x == 1)]', 'unknown name "x"', 6],
    ['$.a[?(@.first-name == 1)]', `"first-name" reads as a subtraction; write a name with "-" in brackets: ['first-name']`, 8],
    ['$.a[?(@.x == undefined)]', 'unknown name "undefined"', 13],
    ['$.a[?(@root)]', '"@" stands for the current item', 6],
    ['$.a[?(@.x = 1)]', '"=" is not allowed', 10],
    ['$.a[?(@.x == 1 ; 2)]', '";" is not allowed', 15],
    ['$.a[?(@.x 1)]', 'unexpected "1": join conditions', 10],
    ['$.a[?(@.x =~ /[a/)]', 'invalid regular expression /[a/: unterminated character class', 13],
    ['$.a[?(@..x)]', 'recursive search or wildcard', 8],
    ['$.a[?(@.x in [1, 2)]', 'expected "," or "]"', 18],
    ["$.a[?(@.x == 'a)]", 'unterminated string', 13],
    ['$.a[(@.length - )]', 'expected a value', 16],
    ['$.a[?(@.x =~ /ab)]', 'unterminated regular expression', 13],
    ['$.a[?@.x]', 'a filter is written', 4],
    ['$.a b', 'unexpected " "', 3],
    ["$['a',]", 'expected a quoted name after ","', 6],
    ['$.a[0', 'missing "]"', 3],
    ['', 'a path starts with "$"', 0],
  ])('rejects %j: %s at offset %i', (text, message, offset) => {
    const parsed = parsePath(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toContain(message);
    expect(parsed.offset).toBe(offset);
  });

  it('reports the first construct that keeps a path from being a reference path', () => {
    const parsed = parsePath('$.a[?(@.x)].b[*]');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(referencePathViolation(parsed)).toEqual({ feature: 'filter', offset: 4 });
    const plain = parsePath('$.a[0].b');
    expect(plain.ok && referencePathViolation(plain)).toBeUndefined();
    expect(describeFeature('deep-scan')).toContain('..');
  });

  it('never evaluates filter or script expressions, and copes with long or odd input', () => {
    expect(parsePath('$[?(process.exit(1))]')).toMatchObject({ ok: false, offset: 4 });
    expect(parsePath("$[?(@.a == 'x' && (@.b > 1 || !@.c) && @['d e'][0] in ['a', 1, null, true])]")).toMatchObject({ ok: true, features: ['filter'] });
    expect(parsePath('$[?(' + '('.repeat(10_000) + '@' + ')'.repeat(10_000) + ')]')).toMatchObject({ ok: false, message: expect.stringContaining('nested more than') });
    expect(parsePath('$[?(' + '!'.repeat(10_000) + '@)]').ok).toBe(false);
    // Long chains are as deep a tree for run's evaluator as nesting is.
    for (const chain of [' + 1'.repeat(5000), ' || @.a'.repeat(5000), '.a'.repeat(5000)]) {
      expect(parsePath(`$[?(@${chain})]`)).toMatchObject({ ok: false, message: expect.stringContaining('more than 1000 operators and steps') });
    }
    expect(parsePath(`$[?(@${' + 1'.repeat(500)} > 0)]`).ok).toBe(true);
    expect(parsePath('$' + '.a'.repeat(100_000)).ok).toBe(true);
    expect(parsePath('$' + '['.repeat(10_000)).ok).toBe(false);
    expect(parsePath('$.\u0000').ok).toBe(true);
  });
});
