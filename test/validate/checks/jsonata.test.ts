// The JSONata check: each code fires on its mistake and stays silent on the fixed form, in every
// field Step Functions evaluates, and malformed input never throws.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/diagnostics.js';
import { buildModel } from '../../../src/asl/walker.js';
import { parseJsonata } from '../../../src/asl/jsonata-syntax.js';
import { jsonataCheck } from '../../../src/validate/checks/jsonata.js';
import { semanticChecks } from '../../../src/validate/checks/index.js';
import { locateFindings, validateDefinition } from '../../../src/validate/index.js';
import { loadText } from '../../../src/source/index.js';

function run(definition: unknown): Finding[] {
  const findings: Finding[] = [];
  jsonataCheck.run({ definition, model: buildModel(definition), report: (f) => findings.push(f) });
  return findings;
}

/** A JSONata machine whose first state is `state`; "Done" is there for transitions. */
function machine(state: Record<string, unknown>): unknown {
  return { QueryLanguage: 'JSONata', StartAt: 'S', States: { S: state, Done: { Type: 'Succeed' } } };
}

const pass = (output: unknown): unknown => machine({ Type: 'Pass', Output: output, End: true });
const task = (fields: Record<string, unknown>): unknown =>
  machine({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', ...fields, End: true });

const codesOf = (definition: unknown): string[] => run(definition).map((f) => f.code);

describe('jsonata check', () => {
  it('is registered with validate', () => {
    expect(semanticChecks).toContain(jsonataCheck);
  });

  describe('invalid-jsonata', () => {
    it.each([
      ['{% 10 + * 2 %}', 'Syntax error'],
      ['{% $sum($states.input.items %}', 'Expected ")"'],
      ['{% 420. %}', 'Unexpected end'],
      ['{% $.store.book[?(@.price < 10)].title %}', '"?"'],
      ['{%%}', 'Unexpected end'],
      ['{% %}', 'Unexpected end'],
    ])('reports %s', (expression, words) => {
      const findings = run(pass(expression));
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ code: 'invalid-jsonata', severity: 'error', path: '/States/S/Output' });
      expect(findings[0]!.message).toContain(words);
      expect(findings[0]!.message).toContain('"Output" of state "S"');
    });

    it('says where in the expression the parser stopped', () => {
      const [f] = run(pass('{% 10 + * 2 %}'));
      expect(f!.message).toMatch(/near character 9 of the expression/);
    });

    it('accepts valid expressions, multi-line ones and ones without inner spaces', () => {
      for (const expression of [
        '{% $states.input.a + 1 %}',
        '{%$states.input%}',
        '{% \n  $states.input.items[price > 10].name\n%}',
        "{% ( $x := $states.input.n; $x * 2 ) %}",
        '{% $map($states.input.xs, function($v) { $v * 2 }) %}',
        "{% $states.input.status = 'active' ? 1 : 2 %}",
      ]) {
        expect(run(pass(expression)), expression).toEqual([]);
      }
    });

    it('finds expressions at any depth of objects and arrays', () => {
      const findings = run(machine({ Type: 'Pass', Assign: { top: { array: [{ child: '{% 420. %}' }] } }, End: true }));
      expect(findings.map((f) => [f.code, f.path])).toEqual([['invalid-jsonata', '/States/S/Assign/top/array/0/child']]);
      expect(findings[0]!.message).toContain('"child" in "Assign"');
    });

    it('looks at every evaluated field, catchers and Choice rules included', () => {
      const bad = '{% ( %}';
      const definition = {
        QueryLanguage: 'JSONata',
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Arguments: { a: bad },
            Output: bad,
            Assign: { v: bad },
            TimeoutSeconds: bad,
            HeartbeatSeconds: bad,
            Credentials: { RoleArn: bad },
            Catch: [{ ErrorEquals: ['States.ALL'], Output: bad, Assign: { e: bad }, Next: 'C' }],
            Next: 'C',
          },
          C: { Type: 'Choice', Choices: [{ Condition: bad, Output: bad, Assign: { x: bad }, Next: 'W' }], Default: 'W' },
          W: { Type: 'Wait', Seconds: bad, Next: 'W2' },
          W2: { Type: 'Wait', Timestamp: bad, Next: 'M' },
          M: {
            Type: 'Map',
            Items: bad,
            ItemSelector: { v: bad },
            MaxConcurrency: bad,
            ToleratedFailurePercentage: bad,
            ToleratedFailureCount: bad,
            ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Arguments: { Bucket: bad }, ReaderConfig: { MaxItems: bad } },
            ItemBatcher: { MaxItemsPerBatch: bad, MaxInputBytesPerBatch: bad, BatchInput: { b: bad } },
            ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Arguments: { Bucket: bad } },
            ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'I', States: { I: { Type: 'Pass', Output: bad, End: true } } },
            Next: 'F',
          },
          F: { Type: 'Fail', Error: bad, Cause: bad },
        },
      };
      const paths = run(definition).filter((f) => f.code === 'invalid-jsonata').map((f) => f.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          '/States/T/Arguments/a',
          '/States/T/Output',
          '/States/T/Assign/v',
          '/States/T/TimeoutSeconds',
          '/States/T/HeartbeatSeconds',
          '/States/T/Credentials/RoleArn',
          '/States/T/Catch/0/Output',
          '/States/T/Catch/0/Assign/e',
          '/States/C/Choices/0/Condition',
          '/States/C/Choices/0/Output',
          '/States/C/Choices/0/Assign/x',
          '/States/W/Seconds',
          '/States/W2/Timestamp',
          '/States/M/Items',
          '/States/M/ItemSelector/v',
          '/States/M/MaxConcurrency',
          '/States/M/ToleratedFailurePercentage',
          '/States/M/ToleratedFailureCount',
          '/States/M/ItemReader/Arguments/Bucket',
          '/States/M/ItemReader/ReaderConfig/MaxItems',
          '/States/M/ItemBatcher/MaxItemsPerBatch',
          '/States/M/ItemBatcher/MaxInputBytesPerBatch',
          '/States/M/ItemBatcher/BatchInput/b',
          '/States/M/ResultWriter/Arguments/Bucket',
          '/States/M/ItemProcessor/States/I/Output',
          '/States/F/Error',
          '/States/F/Cause',
        ]),
      );
      expect(paths).toHaveLength(27);
    });

    it('leaves fields that are never evaluated alone', () => {
      expect(run(machine({ Type: 'Pass', Comment: '{% not an expression', Output: 1, End: true }))).toEqual([]);
      const map = machine({ Type: 'Map', Label: 'x%}', Items: [], ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } }, End: true });
      expect(run(map)).toEqual([]);
    });

    it('reports nothing in JSONPath states, where {% %} means nothing', () => {
      const definition = { StartAt: 'S', States: { S: { Type: 'Pass', Parameters: { a: '{% 10 + * 2 %}', b: 'x %}' }, End: true } } };
      expect(run(definition)).toEqual([]);
    });

    it('checks JSONata states of a JSONPath machine', () => {
      const definition = { StartAt: 'S', States: { S: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% 1 + %}', End: true } } };
      expect(codesOf(definition)).toEqual(['invalid-jsonata']);
    });
  });

  describe('jsonata-delimiters', () => {
    it.each([
      ['{% 10 %', 'does not end with "%}"'],
      ['10 %}', 'does not start with "{%"'],
      ['{% 10 %} ', 'whitespace after the closing'],
      [' {% 10 %}', 'whitespace before the opening'],
      ['{%}', 'does not end with "%}"'],
    ])('reports %j', (value, words) => {
      const findings = run(pass({ v: value }));
      expect(findings.map((f) => [f.code, f.path])).toEqual([['jsonata-delimiters', '/States/S/Output/v']]);
      expect(findings[0]!.message).toContain(words);
    });

    it('keeps strings whose edges are not delimiters as literals', () => {
      expect(run(pass({ a: ' {% states.input %} ', b: '50% off', c: 'a {% b %} c', d: '$states.input' }))).toEqual([]);
    });
  });

  describe('jsonata-expression-required', () => {
    it.each([
      [{ Type: 'Choice', Choices: [{ Condition: 'yes', Next: 'Done' }], Default: 'Done' }, '/States/S/Choices/0/Condition'],
      [{ Type: 'Map', Items: '$states.input.xs', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } }, End: true }, '/States/S/Items'],
      [{ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', TimeoutSeconds: '30', End: true }, '/States/S/TimeoutSeconds'],
      [{ Type: 'Wait', Seconds: '$.wait', End: true }, '/States/S/Seconds'],
      [
        {
          Type: 'Map',
          Items: [],
          ItemBatcher: { MaxItemsPerBatch: 'ten' },
          ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'I', States: { I: { Type: 'Succeed' } } },
          End: true,
        },
        '/States/S/ItemBatcher/MaxItemsPerBatch',
      ],
    ])('reports a plain string in %j', (state, path) => {
      const findings = run(machine(state));
      expect(findings.map((f) => [f.code, f.path])).toEqual([['jsonata-expression-required', path]]);
      expect(findings[0]!.message).toContain('{% <expression> %}');
    });

    it('accepts expressions, numbers, lists, booleans and deploy-time placeholders', () => {
      expect(run(machine({ Type: 'Choice', Choices: [{ Condition: '{% true %}', Next: 'Done' }], Default: 'Done' }))).toEqual([]);
      expect(run(machine({ Type: 'Choice', Choices: [{ Condition: true, Next: 'Done' }], Default: 'Done' }))).toEqual([]);
      expect(run(machine({ Type: 'Wait', Seconds: 5, Next: 'Done' }))).toEqual([]);
      expect(run(machine({ Type: 'Wait', Seconds: '${WaitSeconds}', Next: 'Done' }))).toEqual([]);
      expect(run(machine({ Type: 'Wait', Timestamp: '2026-01-01T00:00:00Z', Next: 'Done' }))).toEqual([]);
      expect(run(machine({ Type: 'Map', Items: [1, '{% $two %}'], ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } }, End: true }))).toEqual([]);
    });
  });

  describe('jsonata-states-reference', () => {
    it('reports $states.result in Arguments, in a catcher, and in states without a result', () => {
      const findings = run(
        machine({
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Arguments: { p: '{% $states.result %}' },
          Catch: [{ ErrorEquals: ['States.ALL'], Output: '{% $states.result.x %}', Next: 'Done' }],
          End: true,
        }),
      );
      expect(findings.map((f) => [f.code, f.path])).toEqual([
        ['jsonata-states-reference', '/States/S/Arguments/p'],
        ['jsonata-states-reference', '/States/S/Catch/0/Output'],
      ]);
      expect(findings[0]!.message).toContain('before the task runs');
      expect(findings[1]!.message).toContain('$states.errorOutput');
      expect(codesOf(pass('{% $states.result %}'))).toEqual(['jsonata-states-reference']);
      expect(codesOf(machine({ Type: 'Choice', Choices: [{ Condition: '{% $states.result.ok %}', Next: 'Done' }], Default: 'Done' }))).toEqual([
        'jsonata-states-reference',
      ]);
    });

    it('reports $states.errorOutput outside a catcher', () => {
      const findings = run(task({ Output: '{% $states.errorOutput %}' }));
      expect(findings.map((f) => [f.code, f.path])).toEqual([['jsonata-states-reference', '/States/S/Output']]);
      expect(findings[0]!.message).toContain('catcher');
    });

    it('reports unknown $states fields, even deep inside an expression', () => {
      const findings = run(pass('{% $count($filter($states.inputs.items, function($i) { $i > 1 })) %}'));
      expect(findings.map((f) => f.code)).toEqual(['jsonata-states-reference']);
      expect(findings[0]!.message).toContain('$states.inputs');
      expect(findings[0]!.message).toContain('$states.input.inputs');
    });

    it('accepts each field where it exists', () => {
      for (const type of ['Task', 'Parallel', 'Map']) {
        const extra =
          type === 'Task'
            ? { Resource: 'arn:aws:states:::lambda:invoke' }
            : type === 'Parallel'
              ? { Branches: [{ StartAt: 'B', States: { B: { Type: 'Succeed' } } }] }
              : { Items: [], ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } } };
        const definition = machine({
          Type: type,
          ...extra,
          Output: '{% $states.result %}',
          Assign: { r: '{% $states.result %}', i: '{% $states.input %}', c: '{% $states.context.Execution.Id %}' },
          Catch: [{ ErrorEquals: ['States.ALL'], Output: '{% $states.errorOutput %}', Assign: { e: '{% $states.errorOutput.Error %}', i: '{% $states.input %}' }, Next: 'Done' }],
          End: true,
        });
        expect(run(definition), type).toEqual([]);
      }
    });
  });

  describe('jsonata-top-level-reference', () => {
    it.each([
      ['{% phone %}', 'the field "phone"'],
      ['{% order.total > 100 %}', 'the field "order"'],
      ['{% $.order %}', '"$" (the context item)'],
      ['{% $$.order %}', '"$$"'],
      ['{% {"a": b} %}', 'the field "b"'],
      ['{% $map($states.input.xs, function($x) { y }) %}', 'the field "y"'],
      ['{% -amount %}', 'the field "amount"'],
      ['{% [a, 1] %}', 'the field "a"'],
      ['{% ( $x := total; $x ) %}', 'the field "total"'],
    ])('reports %s', (expression, words) => {
      const findings = run(pass(expression));
      expect(findings.map((f) => f.code)).toEqual(['jsonata-top-level-reference']);
      expect(findings[0]!.message).toContain(words);
    });

    it('reports each name once per expression', () => {
      expect(codesOf(pass('{% a + a * b %}'))).toEqual(['jsonata-top-level-reference', 'jsonata-top-level-reference']);
    });

    it('accepts names in predicates, later steps, sort terms, group-by objects and object keys that are strings', () => {
      for (const expression of [
        '{% $states.input.items[price > 10].name %}',
        '{% $states.input.items^(price) %}',
        '{% $states.input.items{category: $sum(price)} %}',
        "{% {'total': $states.input.total} %}",
        '{% $states.input.items[$.price > 1] %}',
        '{% $myVariable.field %}',
        "{% $states.input.items.(price * quantity) %}",
      ]) {
        expect(run(pass(expression)), expression).toEqual([]);
      }
    });
  });

  describe('jsonata-unsupported-function', () => {
    it('reports $eval, called or passed around', () => {
      expect(codesOf(pass('{% $eval($states.input.body) %}'))).toEqual(['jsonata-unsupported-function']);
      expect(codesOf(pass('{% $map($states.input.xs, $eval) %}'))).toEqual(['jsonata-unsupported-function']);
      expect(run(pass('{% $eval("1") %}'))[0]!.message).toContain('$parse');
    });

    it('accepts an $eval the expression defines itself, and $parse', () => {
      expect(run(pass('{% ( $eval := function($s) { $s }; $eval($states.input.a) ) %}'))).toEqual([]);
      expect(run(pass('{% $parse($states.input.body) %}'))).toEqual([]);
    });

    it('reports the JSONata 2.1 operators ?: and ??', () => {
      const findings = run(pass({ a: '{% $states.input.a ?: 1 %}', b: '{% $states.input.b ?? 2 %}' }));
      expect(findings.map((f) => [f.code, f.path])).toEqual([
        ['jsonata-unsupported-function', '/States/S/Output/a'],
        ['jsonata-unsupported-function', '/States/S/Output/b'],
      ]);
      expect(findings[0]!.message).toContain('"?:"');
      expect(findings[1]!.message).toContain('"??"');
    });

    it('accepts the conditional operator, even when its test and result look alike', () => {
      expect(run(pass('{% $states.input.a ? $states.input.a : 1 %}'))).toEqual([]);
      expect(run(pass('{% $exists($states.input.a) ? $states.input.a : 1 %}'))).toEqual([]);
    });
  });

  describe('jsonpath-in-jsonata', () => {
    it('warns about a .$ key holding a path or an intrinsic call', () => {
      const findings = run(task({ Arguments: { 'Payload.$': '$.payload', 'Id.$': '$$.Execution.Id', 'Text.$': "States.Format('{}', $.a)" } }));
      expect(findings.map((f) => [f.code, f.severity, f.path])).toEqual([
        ['jsonpath-in-jsonata', 'warning', '/States/S/Arguments/Payload.$'],
        ['jsonpath-in-jsonata', 'warning', '/States/S/Arguments/Id.$'],
        ['jsonpath-in-jsonata', 'warning', '/States/S/Arguments/Text.$'],
      ]);
      expect(findings[0]!.message).toContain('"Payload": "{% <expression> %}"');
    });

    it('warns about a whole field written as a path', () => {
      const findings = run(task({ Output: '$.Payload', Assign: { r: '$.x' } }));
      expect(findings.map((f) => [f.code, f.severity, f.path])).toEqual([['jsonpath-in-jsonata', 'warning', '/States/S/Output']]);
      expect(findings[0]!.message).toContain('$states.result');
      expect(codesOf(machine({ Type: 'Map', Items: '$.items', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } }, End: true }))).toEqual([
        'jsonata-expression-required',
      ]);
    });

    it('leaves literal values alone', () => {
      expect(run(pass({ 'a.$': '$', b: '$.input_value', c: 'States.Format(1)', 'd.$': 'plain' }))).toEqual([]);
    });
  });

  describe('malformed input', () => {
    it('never throws', () => {
      const odd: unknown[] = [
        null,
        42,
        'x',
        [],
        { QueryLanguage: 'JSONata' },
        { QueryLanguage: 'JSONata', States: [] },
        { QueryLanguage: 'JSONata', States: { A: null, B: { Type: 'Pass', Output: null, Assign: [null, 1, '{% %}'] } } },
        machine({ Type: 'Choice', Choices: 'x' }),
        machine({ Type: 'Choice', Choices: [null, 1, { Condition: 5 }] }),
        machine({ Type: 'Task', Catch: [null, 'x', { Output: { 'Fn::GetAtt': ['A', 'B'] } }] }),
        pass({ deep: '{% ' + '('.repeat(5000) + ' %}' }),
        pass('{% "unterminated %}'),
        pass('{% /regex %}'),
        pass('{% ' + 'a.'.repeat(10_000) + 'b %}'),
      ];
      for (const definition of odd) expect(() => run(definition)).not.toThrow();
    });

    it('skips CloudFormation intrinsics and ${placeholders}', () => {
      expect(run(pass({ a: { 'Fn::Sub': '{% ${Prefix} %' }, b: '{% $states.input.${Field} %}', c: { Ref: 'X' } }))).toEqual([]);
    });
  });
});

describe('positions', () => {
  it('puts each finding on the string that holds the expression', () => {
    const text = [
      '{',
      '  "QueryLanguage": "JSONata",',
      '  "StartAt": "S",',
      '  "States": {',
      '    "S": {',
      '      "Type": "Pass",',
      '      "Output": { "total": "{% 10 + * 2 %}" },',
      '      "End": true',
      '    }',
      '  }',
      '}',
    ].join('\n');
    const [loaded] = loadText(text, 'm.asl.json').machines;
    const { findings } = validateDefinition(loaded!.definition);
    const located = locateFindings(findings.filter((f) => f.code === 'invalid-jsonata'), loaded!);
    expect(located).toHaveLength(1);
    expect(located[0]).toMatchObject({ line: 7, column: 28 });
  });
});

describe('docs pages of the JSONata check', () => {
  const docs = fileURLToPath(new URL('../../../docs/checks/', import.meta.url));
  const example = (page: string, heading: string): unknown => {
    const section = page.split(`## ${heading}\n`)[1] ?? '';
    return JSON.parse(/```json\n([\s\S]*?)\n```/.exec(section)![1]!);
  };
  for (const code of Object.keys(jsonataCheck.codes)) {
    it(`${code}: the bad example shows the code, the fixed one passes validate`, () => {
      const page = readFileSync(`${docs}${code}.md`, 'utf8');
      expect(run(example(page, 'Bad')).map((f) => f.code)).toContain(code);
      expect(validateDefinition(example(page, 'Fixed')).findings).toEqual([]);
    });
  }
});

describe('the parser shortcut for plain paths', () => {
  const require = createRequire(import.meta.url);
  const jsonata = require('jsonata') as (expression: string) => { ast(): unknown };

  it('builds the same tree as the jsonata parser', () => {
    for (const body of [
      '$states',
      ' $states.input ',
      '$states.input.order.id',
      '\n  $states.result.Payload\n',
      '$myVar',
      '\t$x_1.a_b.C9 ',
      '$states.context.Execution.Id',
    ]) {
      const parsed = parseJsonata(body);
      expect(parsed.ok, body).toBe(true);
      expect(parsed.ok && parsed.ast, body).toEqual(jsonata(body).ast());
    }
  });

  it('leaves everything else to the parser', () => {
    for (const body of ['$states.input.and', '$states.input.true', '$', '$$', '$a.b[0]', '$a.`b c`', 'a.b', '$a.b.', '$a..b', '$a.1']) {
      const parsed = parseJsonata(body);
      let expected: unknown;
      try {
        expected = { ok: true, ast: jsonata(body).ast() };
      } catch {
        expected = { ok: false };
      }
      expect(parsed.ok, body).toBe((expected as { ok: boolean }).ok);
      if (parsed.ok) expect(parsed.ast, body).toEqual((expected as { ast: unknown }).ast);
    }
  });
});
