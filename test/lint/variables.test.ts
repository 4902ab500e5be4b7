import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/asl/walker.js';
import { analyzeVariables, jsonataVariables, jsonPathVariables, variableReads, variableWrites, writePointer } from '../../src/asl/variables.js';
import { lintDefinition } from '../../src/lint/index.js';
import { machine, ruleTester } from './rule-tester.js';

const pass = (extra: Record<string, unknown>) => ({ Type: 'Pass', ...extra });
const jsonata = (extra: Record<string, unknown>) => ({ Type: 'Pass', QueryLanguage: 'JSONata', ...extra });
const branch = (states: Record<string, unknown>) => ({ StartAt: Object.keys(states)[0], States: states });

describe('variable references (src/asl/variables.ts)', () => {
  it('finds $name in JSONPath paths and intrinsic arguments, not in string literals or $ / $$', () => {
    expect(jsonPathVariables('$order.items[0]')).toEqual(['order']);
    expect(jsonPathVariables("States.Format('{} costs $price', $name, $.total, $$.Execution.Id, $tax)")).toEqual(['name', 'tax']);
    expect(jsonPathVariables('$.plain.path')).toEqual([]);
    expect(jsonPathVariables('$states.input')).toEqual([]);
  });
  it('finds free variables in JSONata, skipping $states, built-ins, := bindings, lambda parameters and @/# bindings', () => {
    const names = (body: string) => jsonataVariables(body)!.filter((v) => !v.builtinName).map((v) => v.name);
    expect(names('$x.a + $count($y) + $states.input.z')).toEqual(['x', 'y']);
    expect(names('($a := 1; $a + $b)')).toEqual(['b']);
    expect(names('$map($items, function($v, $i) { $v * $i * $rate })')).toEqual(['items', 'rate']);
    expect(names('orders@$o#$n.($o.price + $n + $fee)')).toEqual(['fee']);
    expect(names('$ + $$')).toEqual([]);
    expect(jsonataVariables('$map($xs, $string)')).toEqual([{ name: 'xs', builtinName: false }, { name: 'string', builtinName: true }]);
    expect(jsonataVariables('(((')).toBeUndefined();
  });
  it('reads JSONPath fields that are evaluated and skips the rest', () => {
    const model = buildModel(machine({
      A: {
        Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', InputPath: '$in', ResultPath: '$.r', TimeoutSecondsPath: '$limit',
        Parameters: { 'a.$': '$p', literal: '$notRead', OutputPath: '$alsoLiteral' }, Comment: '$comment',
        Catch: [{ ErrorEquals: ['States.ALL'], Assign: { 'e.$': '$caught' }, ResultPath: '$.e', Next: 'B' }], End: true,
      },
      B: { Type: 'Choice', Choices: [{ And: [{ Variable: '$v', StringEqualsPath: '$w', Next: 'C' }], Next: 'C' }], Default: 'C' },
      C: pass({ Result: { 'x.$': '$static' }, End: true }),
    }));
    const reads = (i: number) => variableReads(model.states[i]!).map((r) => `${r.name}@${r.pointer}`);
    expect(reads(0).sort()).toEqual(['caught@/States/A/Catch/0/Assign/e.$', 'in@/States/A/InputPath', 'limit@/States/A/TimeoutSecondsPath', 'p@/States/A/Parameters/a.$'].sort());
    expect(reads(1).sort()).toEqual(['v@/States/B/Choices/0/And/0/Variable', 'w@/States/B/Choices/0/And/0/StringEqualsPath']);
    expect(reads(2)).toEqual([]);
  });
  it('splits writes by the outcome that applies them', () => {
    const model = buildModel(machine({
      C: { Type: 'Choice', Assign: { d: 1 }, Choices: [{ Variable: '$.a', IsPresent: true, Assign: { 'r.$': '$.a' }, Next: 'E' }], Default: 'E' },
      E: { Type: 'Succeed' },
    }));
    const w = variableWrites(model.states[0]!);
    expect(w.success.map((x) => x.name)).toEqual(['d']);
    expect(w.choices.get(0)!.map((x) => `${x.name}@${writePointer(x)}`)).toEqual(['r@/States/C/Choices/0/Assign/r.$']);
  });
});

ruleTester('undefined-variable', {
  valid: [
    { name: 'an earlier state assigns the variable', definition: machine({ A: pass({ Assign: { 'id.$': '$.id' }, Next: 'B' }), B: pass({ Parameters: { 'id.$': '$id' }, End: true }) }) },
    { name: 'every path before the read assigns it, differently', definition: machine({
      C: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'Set' }], Default: 'Other' },
      Set: pass({ Assign: { x: 1 }, Next: 'Use' }),
      Other: pass({ Assign: { x: 2 }, Next: 'Use' }),
      Use: pass({ Parameters: { 'x.$': '$x' }, End: true }),
    }) },
    { name: 'a branch reads a variable assigned before its Parallel on every path', definition: machine({
      A: pass({ Assign: { rate: 2 }, Next: 'P' }),
      P: { Type: 'Parallel', Branches: [branch({ B: pass({ Next: 'B2' }), B2: pass({ Parameters: { 'r.$': '$rate' }, End: true }) })], End: true },
    }) },
    { name: 'a Choice rule assigns it on the way to the reader', definition: machine({
      C: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Assign: { x: 1 }, Next: 'Use' }], Default: 'Done' },
      Use: pass({ Parameters: { 'x.$': '$x' }, End: true }), Done: { Type: 'Succeed' },
    }) },
    { name: 'a catcher assigns it on the way to the handler', definition: machine({
      T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: ['States.ALL'], Assign: { 'err.$': '$.Cause' }, Next: 'H' }], End: true },
      H: { Type: 'Fail', CausePath: '$err' },
    }) },
    { name: 'a Parallel branch and an inline Map iteration read outer variables', definition: machine({
      A: pass({ Assign: { rate: 2 }, Next: 'P' }),
      P: { Type: 'Parallel', Branches: [branch({ B: pass({ Parameters: { 'r.$': '$rate' }, End: true }) })], Next: 'M' },
      M: { Type: 'Map', ItemProcessor: branch({ I: pass({ Parameters: { 'r.$': '$rate' }, End: true }) }), End: true },
    }) },
    { name: 'a loop assigns it before coming back', definition: machine({
      Init: pass({ Next: 'Check' }),
      Check: { Type: 'Choice', Choices: [{ Variable: '$count', IsPresent: true, Next: 'Done' }], Default: 'Bump' },
      Bump: pass({ Assign: { count: 1 }, Next: 'Check' }),
      Done: { Type: 'Succeed' },
    }, {}) },
    { name: 'a presence test guards the read even when IsPresent is written with the wrong kind (validate reports the value)', definition: machine({
      Init: pass({ Next: 'Check' }),
      Check: { Type: 'Choice', Choices: [{ Variable: '$count', IsPresent: 'true', Next: 'Done' }], Default: 'Bump' },
      Bump: pass({ Assign: { count: 1 }, Next: 'Check' }),
      Done: { Type: 'Succeed' },
    }, {}) },
    { name: 'JSONata uses $states, built-ins and local bindings only', definition: machine({
      A: jsonata({ Output: '{% ($n := $count($states.input.items); $map($states.input.items, function($i) { $i * $n })) %}', End: true }),
    }) },
    { name: 'the reading state is unreachable (validate reports that)', definition: machine({ A: pass({ End: true }), Orphan: pass({ Parameters: { 'x.$': '$nowhere' }, End: true }) }) },
  ],
  invalid: [
    { name: 'the name is misspelt', definition: machine({ A: pass({ Assign: { 'orderId.$': '$.id' }, Next: 'B' }), B: pass({ Parameters: { 'order.$': '$orderID' }, End: true }) }), errors: [{ path: '/States/B/Parameters/order.$', message: /"B" reads "\$orderID".*did you mean "\$orderId"/, severity: 'error' }] },
    { name: 'a state reads its own assignment', definition: machine({ A: jsonata({ Assign: { total: 5, double: '{% $total * 2 %}' }, Next: 'B' }), B: jsonata({ Output: '{% $double + $total %}', End: true }) }), errors: [{ path: '/States/A/Assign/double', message: /own Assign/ }] },
    { name: 'only one path before the read assigns it', definition: machine({
      C: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'Set' }], Default: 'Use' },
      Set: pass({ Assign: { x: 1 }, Next: 'Use' }),
      Use: pass({ Parameters: { 'x.$': '$x' }, End: true }),
    }), errors: [{ path: '/States/Use/Parameters/x.$', message: /some path to it assigns no "x"/, severity: 'error' }] },
    { name: 'a loop reads the variable before its first assignment', definition: machine({
      Loop: pass({ Parameters: { 'n.$': '$count' }, Next: 'Bump' }),
      Bump: pass({ Assign: { count: 1 }, Next: 'Check' }),
      Check: { Type: 'Choice', Choices: [{ Variable: '$.done', IsPresent: true, Next: 'Done' }], Default: 'Loop' },
      Done: { Type: 'Succeed' },
    }), errors: [{ path: '/States/Loop/Parameters/n.$', message: /some path/ }] },
    { name: 'the read comes before the assignment', definition: machine({ A: pass({ Parameters: { 'x.$': '$x' }, Next: 'B' }), B: pass({ Assign: { x: 1 }, Next: 'C' }), C: pass({ Parameters: { 'x.$': '$x' }, End: true }) }), errors: [{ path: '/States/A/Parameters/x.$' }] },
    { name: 'a variable assigned inside a Parallel branch is read after it', definition: machine({
      P: { Type: 'Parallel', Branches: [branch({ B: pass({ Assign: { inner: 1 }, Next: 'B2' }), B2: pass({ Parameters: { 'i.$': '$inner' }, End: true }) })], Next: 'After' },
      After: pass({ Parameters: { 'i.$': '$inner' }, End: true }),
    }), errors: [{ path: '/States/After/Parameters/i.$' }] },
    { name: 'a Distributed Map child reads an outer variable', definition: machine({
      A: pass({ Assign: { bucket: 'b' }, Next: 'M' }),
      M: { Type: 'Map', MaxConcurrency: 5, ItemSelector: { 'b.$': '$bucket' }, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, ...branch({ I: pass({ Parameters: { 'b.$': '$bucket' }, End: true }) }) }, End: true },
    }), errors: [{ path: '/States/M/ItemProcessor/States/I/Parameters/b.$', message: /Distributed Map.*ItemSelector/ }] },
    { name: 'an intrinsic argument names an unassigned variable', definition: machine({ A: pass({ Parameters: { 'm.$': "States.Format('{}', $greeting)" }, End: true }) }), errors: [{ path: '/States/A/Parameters/m.$', message: /no state assigns "greeting"/ }] },
  ],
});

ruleTester('unused-variable', {
  valid: [
    { name: 'the variable is read later', definition: machine({ A: pass({ Assign: { x: 1 }, Next: 'B' }), B: pass({ Parameters: { 'x.$': '$x' }, End: true }) }) },
    { name: 'it is read inside a nested Parallel branch', definition: machine({ A: pass({ Assign: { x: 1 }, Next: 'P' }), P: { Type: 'Parallel', Branches: [branch({ B: pass({ Parameters: { 'x.$': '$x' }, End: true }) })], End: true } }) },
    { name: 'it is read in JSONata', definition: machine({ A: jsonata({ Assign: { x: 1 }, Next: 'B' }), B: jsonata({ Output: '{% $x %}', End: true }) }) },
  ],
  invalid: [
    { name: 'nobody reads it', definition: machine({ A: pass({ Assign: { x: 1, 'y.$': '$.y' }, Next: 'B' }), B: pass({ Parameters: { 'x.$': '$x' }, End: true }) }), errors: [{ path: '/States/A/Assign/y.$', message: /"A" assigns "y"/, severity: 'warning' }] },
    { name: 'it is read only by a Distributed Map child, which cannot see it', definition: machine({
      A: pass({ Assign: { x: 1 }, Next: 'M' }),
      M: { Type: 'Map', MaxConcurrency: 5, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, ...branch({ I: pass({ Parameters: { 'x.$': '$x' }, End: true }) }) }, End: true },
    }), errors: [{ path: '/States/A/Assign/x' }] },
    { name: 'a catcher assigns a variable nobody reads', definition: machine({ T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: ['States.ALL'], Assign: { e: 1 }, Next: 'F' }], End: true }, F: { Type: 'Fail' } }), errors: [{ path: '/States/T/Catch/0/Assign/e' }] },
  ],
});

ruleTester('path-field-name', {
  valid: [
    { name: 'paths sit in Path fields', definition: machine({ C: { Type: 'Choice', Choices: [{ Variable: '$.a', StringEqualsPath: '$.b', Next: 'F' }], Default: 'F' }, F: { Type: 'Fail', ErrorPath: '$.code', Cause: 'plain text' } }) },
    { name: 'the state is JSONata', definition: machine({ F: { Type: 'Fail', QueryLanguage: 'JSONata', Error: '$.code' } }) },
    { name: 'the path sits in a payload template (path-missing-dollar reports it)', definition: machine({ A: pass({ Parameters: { id: '$.id' }, End: true }) }) },
  ],
  invalid: [
    { name: 'a Choice rule compares with a path', definition: machine({ C: { Type: 'Choice', Choices: [{ Not: { Variable: '$.a', StringEquals: '$.b' }, Next: 'F' }], Default: 'F' }, F: { Type: 'Succeed' } }), errors: [{ path: '/States/C/Choices/0/Not/StringEquals', message: /StringEqualsPath/ }] },
    { name: 'a Fail state names its error with a context path', definition: machine({ F: { Type: 'Fail', Error: '$$.Execution.Name', Cause: "States.Format('x {}', $.y)" } }), errors: [{ path: '/States/F/Error', message: /ErrorPath/ }, { path: '/States/F/Cause', message: /CausePath/ }] },
  ],
});

describe('variable analysis cost', () => {
  it('handles a 2,000-state machine with a variable per state and loops', () => {
    const states: Record<string, unknown> = {};
    const n = 2000;
    for (let i = 0; i < n; i++) {
      const next = i === n - 1 ? { End: true } : { Next: `S${i + 1}` };
      if (i % 100 === 99) states[`S${i}`] = { Type: 'Choice', Choices: [{ Variable: `$v${i - 1}`, IsPresent: true, Next: `S${i - 50}` }], Default: `S${i + 1}`, Assign: { [`v${i}`]: i } };
      else states[`S${i}`] = pass({ Assign: { [`v${i}`]: i }, Parameters: i > 0 ? { 'prev.$': `$v${i - 1}` } : {}, ...next });
    }
    const def = { StartAt: 'S0', States: states };
    const start = performance.now();
    const flow = analyzeVariables(buildModel(def));
    const findings = lintDefinition(def).filter((f) => f.code === 'undefined-variable' || f.code === 'unused-variable');
    const ms = performance.now() - start;
    console.log(`variables over ${n} states and ${flow.assigned.size} variables: ${ms.toFixed(0)} ms (analysis + full lint)`);
    expect(flow.assigned.size).toBe(n);
    // v1999 is assigned by the last state and never read; everything else is read by its successor.
    expect(findings.map((f) => f.path)).toEqual([`/States/S${n - 1}/Assign/v${n - 1}`]);
    expect(ms).toBeLessThan(20_000);
  });
});
