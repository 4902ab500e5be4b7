/**
 * fast-check arbitraries for whole state machines: every state type, nested Parallel and Map, both query
 * languages, paths and filters (paths.ts), intrinsics, JSONata, Assign, Retry and Catch. Most generated
 * machines are valid; the small share of mistakes (a missing target, a refused filter, a reference path
 * with a wildcard) keeps validate's refusals in the sample too.
 */
import fc from 'fast-check';
import { anyPath, FIELDS, intrinsic, referencePath } from './paths.js';

type Language = 'JSONPath' | 'JSONata';
type Json = Record<string, unknown>;

/** Variables the machines assign and read. */
const VARIABLES = ['x', 'total', 'ünits'] as const;

const jsonataExpression = fc.constantFrom(
  '{% $states.input.a %}',
  '{% $states.input.items[0] %}',
  '{% $count($states.input.items) %}',
  '{% $sum($states.input.items.price) %}',
  "{% $states.input.name & '!' %}",
  '{% $states.input.nested.a.b %}',
  '{% $x %}',
  '{% $states.context.State.Name %}',
  '{% $number($states.input.b) %}',
  '{% $states.input.items[price > 3] %}',
  '{% $states.input.( %}',
  '{% $eval("1") %}',
  '{% $nope() %}',
  '{% $partition($states.input.items, 0) %}',
  '{% $parse($states.input.b) %}',
  '{% $states.result %}',
  '{% $hash($states.input.name) %}',
  '{% $range(0, $states.input.a) %}',
  '{% $uuid() & $random() %}',
  '{% ($x := 1; $x) %}',
);

/** A transition target: a later state of the scope, sometimes one that does not exist. */
function target(names: string[], index: number, backwards = false): fc.Arbitrary<string> {
  const later = names.slice(index + 1);
  const allowed = backwards ? names.filter((_, i) => i !== index) : later;
  // A last Choice has nowhere later to go: it loops to itself, which the event guard ends.
  if (allowed.length === 0) allowed.push(names[index]!);
  // Mostly the next state, so that most machines reach every state.
  const next = backwards ? allowed : [names[index + 1] ?? allowed[0]!];
  return fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...next) }, { weight: 8, arbitrary: fc.constantFrom(...allowed) }, { weight: 1, arbitrary: fc.constant('Nowhere') });
}

/** The data-flow fields of a state (InputPath, OutputPath … or Output) and, at the top level, Assign. */
function dataflow(language: Language, withResult: boolean, topLevel: boolean): fc.Arbitrary<Json> {
  // Only the top level assigns: a nested scope may not assign a variable its enclosing scope assigns.
  if (language === 'JSONata') {
    const fields: Record<string, fc.Arbitrary<unknown>> = { Output: jsonataExpression };
    if (topLevel) fields.Assign = fc.record({ x: jsonataExpression });
    return fc.record(fields, { requiredKeys: [] });
  }
  const path = anyPath(VARIABLES);
  const fields: Record<string, fc.Arbitrary<unknown>> = {
    InputPath: path,
    OutputPath: path,
  };
  if (topLevel) fields.Assign = fc.record({ x: fc.integer({ min: 0, max: 9 }), 'total.$': path, 'ünits': fc.nat(3) }, { requiredKeys: [] });
  if (withResult) {
    fields.ResultPath = fc.oneof({ weight: 8, arbitrary: referencePath }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: anyPath([]) });
    fields.Parameters = payload();
  }
  return fc.record(fields, { requiredKeys: [] });
}

/** A payload template with paths, intrinsics and literals. */
function payload(): fc.Arbitrary<Json> {
  return fc.record(
    { 'one.$': anyPath(VARIABLES), 'call.$': intrinsic(VARIABLES), plain: fc.constantFrom(1, 'text', null), 'nested': fc.record({ 'inner.$': anyPath([]) }) },
    { requiredKeys: [] },
  );
}

const retry = fc
  .array(fc.record({ ErrorEquals: fc.constantFrom(['States.ALL'], ['Custom.Flaky'], ['States.TaskFailed']), MaxAttempts: fc.integer({ min: 0, max: 3 }), IntervalSeconds: fc.integer({ min: 1, max: 3 }) }), { maxLength: 2 })
  // States.ALL goes last, as validate requires.
  .map((retriers) => retriers.filter((r, i) => r.ErrorEquals[0] !== 'States.ALL' || !retriers.slice(i + 1).some((o) => o.ErrorEquals[0] === 'States.ALL')))
  .map((retriers) => [...retriers].sort((a, b) => Number(a.ErrorEquals[0] === 'States.ALL') - Number(b.ErrorEquals[0] === 'States.ALL')));

function choiceRule(language: Language, names: string[], index: number): fc.Arbitrary<Json> {
  const next = target(names, index, true);
  if (language === 'JSONata') return fc.record({ Condition: fc.constantFrom('{% $states.input.a > 1 %}', '{% $exists($states.input.name) %}', '{% $x = 1 %}'), Next: next });
  const variable = fc.oneof({ weight: 6, arbitrary: referencePath }, { weight: 1, arbitrary: anyPath(VARIABLES) });
  const test = fc.oneof(
    fc.record({ NumericGreaterThan: fc.integer({ min: 0, max: 9 }) }),
    fc.record({ StringEquals: fc.constantFrom('x', 'sale') }),
    fc.record({ IsPresent: fc.boolean() }),
    fc.record({ IsNumeric: fc.boolean() }),
    fc.record({ NumericEqualsPath: fc.oneof({ weight: 4, arbitrary: referencePath }, { weight: 1, arbitrary: anyPath([]) }) }),
  );
  return fc.tuple(variable, test, next).map(([Variable, t, Next]) => ({ Variable, ...t, Next }));
}

/** One state of a scope; `names` are the scope's state names, `index` this state's. */
function state(names: string[], index: number, depth: number, language: Language): fc.Arbitrary<Json> {
  const last = index === names.length - 1;
  const move: fc.Arbitrary<Json> = last ? fc.constant({ End: true }) : target(names, index).map((Next) => ({ Next }));
  const kinds = ['Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Fail', ...(depth > 0 ? ['Parallel', 'Map'] : [])];
  return fc.constantFrom(...kinds).chain((type): fc.Arbitrary<Json> => {
    const base = { Type: type };
    switch (type) {
      case 'Pass':
        return fc.tuple(dataflow(language, true, depth === 2), move).map(([d, m]) => ({ ...base, ...d, ...m }));
      case 'Task':
        return fc
          .tuple(dataflow(language, true, depth === 2), move, retry, catcher(names, index, language), language === 'JSONPath' ? fc.option(fc.oneof(fc.constant({ ResultSelector: { 'p.$': '$.Payload', 'n.$': 'States.ArrayLength($.Payload.items)' } }), referencePath.map((TimeoutSecondsPath) => ({ TimeoutSecondsPath }))), { nil: {} }) : fc.constant({}))
          .map(([d, m, r, c, extra]) => ({ ...base, Resource: 'arn:aws:states:::lambda:invoke', ...d, ...extra, ...m, ...(r.length ? { Retry: r } : {}), ...c }));
      case 'Choice':
        return fc.tuple(fc.array(choiceRule(language, names, index), { minLength: 1, maxLength: 2 }), fc.option(target(names, index), { nil: undefined })).map(([Choices, Default]) => ({ ...base, Choices, ...(Default ? { Default } : {}) }));
      case 'Wait':
        return fc.tuple(language === 'JSONata' ? fc.constant({ Seconds: '{% 1 %}' }) : fc.oneof(fc.constant({ Seconds: 1 }), anyPath([]).map((SecondsPath) => ({ SecondsPath })), anyPath([]).map((TimestampPath) => ({ TimestampPath }))), move).map(([w, m]) => ({ ...base, ...w, ...m }));
      case 'Succeed':
        return fc.constant(base);
      case 'Fail':
        if (language === 'JSONata') return fc.constant({ ...base, Error: 'Custom.Failed', Cause: '{% $string($states.input.a) %}' });
        return fc.oneof(
          { weight: 3, arbitrary: fc.constant({ ...base, Error: 'Custom.Failed', Cause: 'generated' }) },
          { weight: 1, arbitrary: fc.tuple(fc.oneof(referencePath, intrinsic([])), fc.constantFrom("States.Format('Custom.Failed')", "States.Format('Custom.{}', 'Flaky')")).map(([cause, error]) => ({ ...base, CausePath: cause, ErrorPath: error })) },
        );
      case 'Parallel':
        return fc.tuple(fc.array(scope(`${names[index]}.b`, depth - 1, language), { minLength: 1, maxLength: 2 }), move).map(([branches, m]) =>
          ({ ...base, Branches: branches.map((b, i) => renamed(b, `${names[index]}.b${i}.`)), ...m }),
        );
      default:
        return fc.tuple(scope(`${names[index]}.p.`, depth - 1, language), move, language === 'JSONata' ? fc.constant({ Items: '{% $states.input.items %}' }) : fc.oneof({ weight: 4, arbitrary: referencePath.map((p) => (p === '$' ? '$.items' : p)) }, { weight: 1, arbitrary: anyPath([]) }).map((ItemsPath) => ({ ItemsPath }))).map(([p, m, items]) => ({
          ...base,
          ...items,
          ItemProcessor: p,
          ...(language === 'JSONPath' ? { ItemSelector: { 'item.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index', 'all.$': '$.items[?(@.a > 0)]' } } : {}),
          MaxConcurrency: 2,
          ...m,
        }));
    }
  });
}

function catcher(names: string[], index: number, language: Language): fc.Arbitrary<Json> {
  if (index === names.length - 1) return fc.constant({});
  const resultPath = language === 'JSONPath' ? { ResultPath: '$.error' } : {};
  return fc.option(target(names, index).map((Next) => ({ Catch: [{ ErrorEquals: ['States.ALL'], Next, ...resultPath }] })), { nil: {} });
}

/** Branch scopes are generated under one prefix and renamed per branch, so names stay unique machine-wide. */
function renamed(scopeDefinition: Json, prefix: string): Json {
  return JSON.parse(JSON.stringify(scopeDefinition).replaceAll('"@@', `"${prefix}`)) as Json;
}

/** The states StartAt leads to: a state an early Succeed cuts off would only be an unreachable-state finding. */
function reachable(start: string, states: Record<string, Json>): Record<string, Json> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const name = queue.pop()!;
    const s = states[name];
    if (seen.has(name) || !s) continue;
    seen.add(name);
    const rules = [...((s.Choices as Json[] | undefined) ?? []), ...((s.Catch as Json[] | undefined) ?? [])];
    queue.push(...[s.Next, s.Default, ...rules.map((r) => r.Next)].filter((n): n is string => typeof n === 'string'));
  }
  return Object.fromEntries(Object.entries(states).filter(([name]) => seen.has(name)));
}

/** A scope (the machine, a branch or a Map processor) of one to four states. */
function scope(prefix: string, depth: number, language: Language): fc.Arbitrary<Json> {
  const placeholder = prefix.endsWith('.b') ? '@@' : prefix;
  return fc.integer({ min: 1, max: 4 }).chain((count) => {
    const names = Array.from({ length: count }, (_, i) => `${placeholder}S${i}`);
    return fc.tuple(...names.map((_, i) => state(names, i, depth, language))).map((states) => ({
      StartAt: names[0],
      States: reachable(names[0]!, Object.fromEntries(states.map((s, i) => [names[i], s]))),
    }));
  });
}

/** A whole state machine; `QueryLanguage` is set when it is JSONata. */
export const definition: fc.Arbitrary<Json> = fc.constantFrom<Language>('JSONPath', 'JSONPath', 'JSONata').chain((language) =>
  scope('', 2, language).map((machine) => (language === 'JSONata' ? { QueryLanguage: 'JSONata', ...machine } : machine)),
);

const item = fc.record({ a: fc.integer({ min: 0, max: 5 }), name: fc.constantFrom('sale', 'x', 'a@.b'), price: fc.integer({ min: 0, max: 9 }), tags: fc.array(fc.constantFrom('x', 'sale'), { maxLength: 2 }) }, { requiredKeys: ['a'] });

/** Execution inputs whose fields the generated paths name (FIELDS). */
export const input: fc.Arbitrary<Json> = fc.record(
  {
    a: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant('2')),
    b: fc.constantFrom('x', '3', ''),
    items: fc.array(item, { maxLength: 3 }),
    name: fc.constant('sale'),
    price: fc.integer({ min: 0, max: 9 }),
    tags: fc.array(fc.constantFrom('x', 'sale'), { maxLength: 3 }),
    nested: fc.record({ a: fc.record({ b: fc.nat(3) }), items: fc.array(item, { maxLength: 2 }) }),
  },
  { requiredKeys: [] },
);

export { FIELDS };
