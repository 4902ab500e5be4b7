/**
 * fast-check arbitraries for JSONPath text, built from the grammars in src/asl: reference paths, paths
 * with wildcards, slices, unions, recursive search, filters and script expressions (the filter grammar of
 * src/asl/jsonpath-filter-syntax.ts, plus near misses so that refused filters are generated too),
 * context paths, variables and intrinsic calls.
 */
import fc from 'fast-check';

/** Field names the generated inputs use, so that many paths find something. */
export const FIELDS = ['a', 'b', 'items', 'name', 'price', 'tags', 'nested'] as const;

const field = fc.constantFrom(...FIELDS);
const oddName = fc.constantFrom('display name', 'a.b', "it's", 'a]b', '(x)', '?(y)', '@', '$', 'ü', '');

/** A quoted string literal in either quote, holding text that looks like syntax. */
const quoted = fc
  .tuple(fc.constantFrom("'", '"'), fc.constantFrom('x', 'sale', 'a@.b', 'f(x)', ') ]', '', '\\\\', '.*', "a'b"))
  .map(([q, text]) => (text.includes(q) ? `${q}${text.split(q).join(`\\${q}`)}${q}` : `${q}${text}${q}`));

const literal = fc.oneof(
  fc.integer({ min: -3, max: 30 }).map(String),
  fc.constantFrom('1.5', '2e1', 'true', 'false', 'null'),
  quoted,
);

/** `@.price`, `@['display name']`, `$.b`, `@.tags[0]`, `@.items.length`, `@`. */
const operand: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: field.map((f) => `@.${f}`) },
  { weight: 1, arbitrary: oddName.map((n) => `@['${n.replace(/'/g, "\\'")}']`) },
  { weight: 1, arbitrary: field.map((f) => `$.${f}`) },
  { weight: 1, arbitrary: fc.tuple(field, fc.nat(3)).map(([f, i]) => `@.${f}[${i}]`) },
  { weight: 1, arbitrary: field.map((f) => `@.${f}.length`) },
  { weight: 1, arbitrary: fc.constant('@') },
  { weight: 3, arbitrary: literal },
);

const comparison = fc.constantFrom('==', '!=', '===', '!==', '<', '<=', '>', '>=', '+', '-', '*', '/', '%');
const wordOperator = fc.constantFrom('in', 'nin', 'subsetof', 'anyof', 'noneof');
const list = fc.array(literal, { maxLength: 3 }).map((items) => `[${items.join(', ')}]`);

/** A filter expression from the grammar; `depth` bounds nesting. */
export function filterExpression(depth: number): fc.Arbitrary<string> {
  const leaf = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(operand, comparison, operand).map(([a, op, b]) => `${a} ${op} ${b}`) },
    { weight: 2, arbitrary: operand },
    { weight: 1, arbitrary: fc.tuple(operand, wordOperator, list).map(([a, op, b]) => `${a} ${op} ${b}`) },
    { weight: 1, arbitrary: fc.tuple(operand, fc.nat(3)).map(([a, n]) => `${a} size ${n}`) },
    { weight: 1, arbitrary: fc.tuple(operand, fc.boolean()).map(([a, b]) => `${a} empty ${b}`) },
    { weight: 1, arbitrary: fc.tuple(operand, fc.constantFrom('/^a.*/', '/x/i', '/[0-9]+/', '/(a|b)\\)/', '/.*/s')).map(([a, re]) => `${a} =~ ${re}`) },
  );
  if (depth <= 0) return leaf;
  const inner = filterExpression(depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: fc.tuple(inner, fc.constantFrom('&&', '||'), inner).map(([a, op, b]) => `${a} ${op} ${b}`) },
    { weight: 1, arbitrary: inner.map((e) => `(${e})`) },
    { weight: 1, arbitrary: inner.map((e) => `!(${e})`) },
  );
}

/** Text that is close to a filter but outside the grammar: validate must refuse it, run must agree. */
const nearMiss = fc.constantFrom(
  '@.a.length() > 1',
  "@.constructor.constructor('x')()",
  'x == 1',
  '@.a == undefined',
  '@root',
  '@.a = 1',
  '@.a ; 1',
  '@.a @ 1',
  '@..a',
  '@.a[?(@ == 1)]',
  '@.a =~ /[/',
  "@.a == 'x",
  '',
  '((@.a)',
  '@.a in [1, 2',
  '-',
);

/** The inside of `[?( … )]`: mostly from the grammar, sometimes a near miss. */
export const filter = fc.oneof({ weight: 9, arbitrary: filterExpression(2) }, { weight: 1, arbitrary: nearMiss });

const step = fc.oneof(
  { weight: 6, arbitrary: field.map((f) => `.${f}`) },
  { weight: 1, arbitrary: oddName.map((n) => `['${n.replace(/'/g, "\\'")}']`) },
  { weight: 2, arbitrary: fc.nat(3).map((i) => `[${i}]`) },
);

const indefiniteStep = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('[*]', '.*') },
  { weight: 1, arbitrary: field.map((f) => `..${f}`) },
  { weight: 1, arbitrary: fc.constantFrom('[0:2]', '[-1:]', '[::2]', '[0,1]', "['a','b']") },
  { weight: 4, arbitrary: filter.map((f) => `[?(${f})]`) },
  { weight: 1, arbitrary: fc.constantFrom('[(@.length-1)]', '[(@.length - 2)]', '[(0)]') },
);

/** A reference path from `$`: `.field` and `[index]` steps only. */
export const referencePath = fc.array(step, { maxLength: 3 }).map((steps) => `$${steps.join('')}`);

/** Any path from `$`, indefinite constructs included. */
export const inputPath = fc.array(fc.oneof({ weight: 3, arbitrary: step }, { weight: 2, arbitrary: indefiniteStep }), { maxLength: 4 }).map((steps) => `$${steps.join('')}`);

/** A path read from the input, the context object or a variable (`names` are the variables assigned). */
export function anyPath(names: readonly string[]): fc.Arbitrary<string> {
  const roots = [
    { weight: 6, arbitrary: inputPath },
    { weight: 1, arbitrary: fc.constantFrom('$$.Execution.Input', '$$.State.Name', '$$.Execution.Id', '$$.State.EnteredTime') },
  ];
  if (names.length > 0) roots.push({ weight: 1, arbitrary: fc.tuple(fc.constantFrom(...names), fc.array(step, { maxLength: 2 })).map(([n, s]) => `$${n}${s.join('')}`) });
  return fc.oneof(...roots);
}

/** An intrinsic call with paths and literals as arguments. */
export function intrinsic(names: readonly string[]): fc.Arbitrary<string> {
  const path = anyPath(names);
  return fc.oneof(
    path.map((p) => `States.Format('{} and {}', ${p}, 'x')`),
    path.map((p) => `States.ArrayLength(${p})`),
    path.map((p) => `States.JsonToString(${p})`),
    fc.constantFrom('States.MathAdd(1, 2)', 'States.UUID()', "States.StringSplit('a,b', ',')", 'States.ArrayRange(1, 9, 2)', "States.Base64Encode('x')", "States.Hash('x', 'SHA-256')"),
    path.map((p) => `States.ArrayContains(${p}, 1)`),
    path.map((p) => `States.MathAdd(${p}, 1)`),
    path.map((p) => `States.ArrayGetItem(${p}, 1)`),
    path.map((p) => `States.StringToJson(${p})`),
    path.map((p) => `States.Base64Decode(${p})`),
    path.map((p) => `States.ArrayPartition(${p}, 2)`),
    path.map((p) => `States.ArrayUnique(${p})`),
    path.map((p) => `States.JsonMerge(${p}, ${p}, false)`),
    path.map((p) => `States.Array(${p}, States.Format('{}', ${p}))`),
    fc.constantFrom("States.Format('{}')", 'States.MathRandom(1, 2)', 'States.ArrayPartition(States.Array(1, 2), 0)', "States.StringSplit('a', '')", 'States.Nope(1)', 'States.MathAdd(1,'),
  );
}
