// The path, intrinsic, payload, credentials and resource checks (Resource values: resource.test.ts): each code fires on the mistake it
// names, at the pointer of the offending value, and stays silent on correct and deploy-time values.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/diagnostics.js';
import { validateDefinition } from '../../../src/validate/index.js';
import { semanticChecks } from '../../../src/validate/checks/index.js';
import { pathsCheck } from '../../../src/validate/checks/paths.js';
import { intrinsicsCheck } from '../../../src/validate/checks/intrinsics.js';
import { payloadCheck } from '../../../src/validate/checks/payload.js';
import { credentialsCheck } from '../../../src/validate/checks/credentials.js';
import { resourceCheck } from '../../../src/validate/checks/resource.js';

const checks = [pathsCheck, intrinsicsCheck, payloadCheck, credentialsCheck, resourceCheck];
const ours = new Set(checks.flatMap((c) => Object.keys(c.codes)));

/** Findings of this group, ordered by pointer then code. */
function findings(definition: unknown): Finding[] {
  return validateDefinition(definition)
    .findings.filter((f) => ours.has(f.code))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.code.localeCompare(b.code)));
}

function pairs(definition: unknown): Array<[string, string]> {
  return findings(definition).map((f) => [f.code, f.path]);
}

/** A one-state machine. */
function one(state: Record<string, unknown>, top: Record<string, unknown> = {}): unknown {
  return { ...top, StartAt: 'S', States: { S: { End: true, ...state } } };
}

const pass = (fields: Record<string, unknown>) => one({ Type: 'Pass', ...fields });
const task = (fields: Record<string, unknown>) => one({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', ...fields });

describe('registration', () => {
  it('runs every check of this group with validate', () => {
    for (const check of checks) expect(semanticChecks).toContain(check);
  });
});

describe('invalid-path', () => {
  it('reports unparsable paths in path fields and .$ values, at the value', () => {
    const definition = pass({ InputPath: 'bug$.library', OutputPath: '$.', Parameters: { 'a.$': '$$23', nested: [{ 'b.$': '$.x[abc]' }] } });
    expect(pairs(definition)).toEqual([
      ['invalid-path', '/States/S/InputPath'],
      ['invalid-path', '/States/S/OutputPath'],
      ['invalid-path', '/States/S/Parameters/a.$'],
      ['invalid-path', '/States/S/Parameters/nested/0/b.$'],
    ]);
    const [first] = findings(definition);
    expect(first!.message).toContain('"InputPath" is not a valid path');
    expect(first!.message).toContain('at character 1');
  });

  it('reports an intrinsic call in a field that only takes a path', () => {
    expect(pairs(pass({ InputPath: "States.Format('{} x', 1)" }))).toEqual([['invalid-path', '/States/S/InputPath']]);
    const choice = {
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Variable: "States.ArrayContains($.a, 'x')", BooleanEquals: true, Next: 'D' }], Default: 'D' },
        D: { Type: 'Succeed' },
      },
    };
    expect(pairs(choice)).toEqual([['invalid-path', '/States/C/Choices/0/Variable']]);
  });

  it('accepts string-returning intrinsics in ErrorPath and CausePath, and no others', () => {
    const fail = (fields: Record<string, unknown>) => ({ StartAt: 'F', States: { F: { Type: 'Fail', ...fields } } });
    expect(pairs(fail({ ErrorPath: "States.Format('E{}', $.code)", CausePath: '$$.Execution.Id' }))).toEqual([]);
    expect(pairs(fail({ ErrorPath: 'States.ArrayLength($.a)' }))).toEqual([['invalid-path', '/States/F/ErrorPath']]);
  });

  it('accepts full paths where they are allowed, context paths, variables and trailing spaces', () => {
    const definition = pass({
      InputPath: '$.items[?(@.price < 10)]',
      OutputPath: '$..id',
      Parameters: { 'a.$': '$$.Execution.Name ', 'b.$': '$order.total', 'c.$': '$', 'd.$': '$$', 'e.$': '$.vals[3:]' },
      ResultPath: null,
    });
    expect(findings(definition)).toEqual([]);
  });
});

describe('invalid-reference-path', () => {
  it('reports wildcards, filters, slices and unions in reference-path fields', () => {
    const definition = {
      StartAt: 'M',
      States: {
        M: { Type: 'Map', ItemsPath: '$.orders[*]', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, ResultPath: '$..r', Next: 'W' },
        W: { Type: 'Wait', SecondsPath: '$.waits[0:1]', Next: 'C' },
        C: { Type: 'Choice', Choices: [{ Not: { Variable: "$['a','b']", IsPresent: true }, Next: 'D' }], Default: 'D' },
        D: { Type: 'Succeed' },
      },
    };
    expect(pairs(definition)).toEqual([
      ['invalid-reference-path', '/States/C/Choices/0/Not/Variable'],
      ['invalid-reference-path', '/States/M/ItemsPath'],
      ['invalid-reference-path', '/States/M/ResultPath'],
      ['invalid-reference-path', '/States/W/SecondsPath'],
    ]);
    expect(findings(definition)[1]!.message).toContain('a wildcard (*)');
  });

  it('reports a variable or the context object in ResultPath, also in a catcher', () => {
    const definition = task({ ResultPath: '$foo', Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$$.Execution', Next: 'S' }] });
    expect(pairs(definition)).toEqual([
      ['invalid-reference-path', '/States/S/Catch/0/ResultPath'],
      ['invalid-reference-path', '/States/S/ResultPath'],
    ]);
    expect(findings(definition)[1]!.message).toContain('names the variable "$foo"');
  });

  it('accepts variables and context paths in the other reference-path fields', () => {
    const definition = {
      StartAt: 'W',
      States: {
        W: { Type: 'Wait', TimestampPath: '$$.Execution.Input.at', Next: 'T' },
        T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', TimeoutSecondsPath: '$timeout', HeartbeatSecondsPath: '$.beat', ResultPath: '$.r[0].x', End: true },
      },
    };
    expect(findings(definition)).toEqual([]);
  });
});

describe('intrinsic checks', () => {
  it('intrinsic-syntax: unbalanced calls, double quotes, \\" escapes, deep nesting', () => {
    expect(pairs(pass({ Parameters: { 'a.$': "States.Format('x {}', $.a" } }))).toEqual([['intrinsic-syntax', '/States/S/Parameters/a.$']]);
    expect(pairs(pass({ Parameters: { 'a.$': "States.StringToJson('{\"t\":\"a \\\"q\\\" b\"}')" } }))).toEqual([['intrinsic-syntax', '/States/S/Parameters/a.$']]);
    const deep = 'States.Array('.repeat(11) + ')'.repeat(11);
    expect(pairs(pass({ Parameters: { 'a.$': deep } }))).toEqual([['intrinsic-syntax', '/States/S/Parameters/a.$']]);
    const ten = 'States.Array('.repeat(10) + ')'.repeat(10);
    expect(pairs(pass({ Parameters: { 'a.$': ten } }))).toEqual([]);
  });

  it('intrinsic-unknown-function: suggests the nearest function, case included', () => {
    const result = findings(pass({ ResultSelector: { 'a.$': 'States.Xyz($.r)' }, Parameters: { 'b.$': "States.format('{}', $.x)" } }));
    expect(result.map((f) => [f.code, f.path])).toEqual([
      ['intrinsic-unknown-function', '/States/S/Parameters/b.$'],
      ['intrinsic-unknown-function', '/States/S/ResultSelector/a.$'],
    ]);
    expect(result[0]!.message).toContain('did you mean States.Format?');
  });

  it('intrinsic-arity: too few and too many, nested calls too', () => {
    const result = findings(pass({ Parameters: { 'a.$': 'States.JsonToString()', 'b.$': 'States.Array(States.UUID(1))', 'c.$': 'States.MathRandom(1, 10, 3)' } }));
    expect(result.map((f) => [f.code, f.path])).toEqual([
      ['intrinsic-arity', '/States/S/Parameters/a.$'],
      ['intrinsic-arity', '/States/S/Parameters/b.$'],
    ]);
    expect(result[0]!.message).toBe('States.JsonToString in "a.$" takes exactly 1 argument, but is given 0; the call would fail with States.IntrinsicFailure');
    expect(result.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('intrinsic-argument: literal kinds, nested call results, hash algorithms, JsonMerge, bad path arguments', () => {
    const result = findings(
      pass({
        Parameters: {
          'a.$': "States.MathAdd(1,'-1')",
          'b.$': "States.ArrayLength(States.Format('{}', $.x))",
          'c.$': "States.Hash($.x, 'SHA-257')",
          'd.$': 'States.JsonMerge($.a, $.b, true)',
          'e.$': 'States.ArrayGetItem($.a, 1.5)',
          'f.$': 'States.Format($$23, 1)',
        },
      }),
    );
    expect(result.map((f) => f.code)).toEqual([...Array(5).fill('intrinsic-argument'), 'intrinsic-syntax']);
    expect(result.map((f) => f.severity)).toEqual([...Array(5).fill('warning'), 'error']);
    expect(result.find((f) => f.path.endsWith('a.$'))!.message).toBe(
      "Argument 2 of States.MathAdd in \"a.$\" must be a number, but is the string '-1'; the call would fail with States.IntrinsicFailure",
    );
    expect(result.find((f) => f.path.endsWith('c.$'))!.message).toContain("'SHA-256'");
  });

  it('accepts correct calls with every argument kind', () => {
    const definition = pass({
      Parameters: {
        'a.$': "States.Format('{} and \\{{}\\}', $.a, States.JsonToString($$.Execution.Input))",
        'b.$': 'States.MathAdd(States.ArrayLength($$.Execution.Input.machines),-1)',
        'c.$': "States.Hash($.data, 'SHA-256')",
        'd.$': 'States.JsonMerge($.a, $myVar, false)',
        'e.$': "States.ArrayContains($.list, null)",
        'f.$': 'States.UUID()',
        'g.$': "States.Format('line one\\nline two {}', $.x)",
      },
    });
    expect(findings(definition)).toEqual([]);
  });
});

describe('payload checks', () => {
  it('payload-duplicate-key: key and key.$ in one object, at any depth, in every template', () => {
    const definition = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemSelector: { v: 1, 'v.$': '$$.Map.Item.Value' },
          ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
          ResultSelector: { blocks: [{ text: { type: 'x', 'type.$': '$.t' } }] },
          Assign: { n: 1, 'n.$': '$.n' },
          End: true,
        },
      },
    };
    expect(pairs(definition)).toEqual([
      ['payload-duplicate-key', '/States/M/Assign/n.$'],
      ['payload-duplicate-key', '/States/M/ItemSelector/v.$'],
      ['payload-duplicate-key', '/States/M/ResultSelector/blocks/0/text/type.$'],
    ]);
  });

  it('payload-dynamic-value: non-strings, plain words, leading spaces', () => {
    const definition = task({ ResultSelector: { 'a.$': 23, 'b.$': '23', 'c.$': [1], 'd.$': { x: 1 }, 'e.$': " States.Array('Foo')", 'f.$': 'ipsum' } });
    expect(findings(definition).map((f) => f.code)).toEqual(Array(6).fill('payload-dynamic-value'));
    expect(findings(definition).find((f) => f.path.endsWith('e.$'))!.message).toContain('starts with whitespace');
  });

  it('leaves Result, JSONata states and deploy-time values alone', () => {
    expect(findings(pass({ Result: { 'x.$': 'not a path', x: 1 } }))).toEqual([]);
    expect(findings(one({ Type: 'Pass', Output: { 'x.$': 'plain', x: 1 } }, { QueryLanguage: 'JSONata' }))).toEqual([]);
    const deploy = pass({ InputPath: '${InputPath}', Parameters: { 'a.$': { 'Fn::Sub': '$.${Name}' }, 'b.$': '$.${Field}', 'c.$': '%CONTEXT_PLACEHOLDER%' } });
    expect(findings(deploy)).toEqual([]);
  });
});

describe('invalid-credentials', () => {
  it('requires RoleArn and nothing else, in both query languages', () => {
    expect(pairs(task({ Credentials: {} }))).toEqual([['invalid-credentials', '/States/S/Credentials']]);
    expect(pairs(one({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Credentials: { InvalidField: 'x' } }, { QueryLanguage: 'JSONata' }))).toEqual([
      ['invalid-credentials', '/States/S/Credentials'],
      ['invalid-credentials', '/States/S/Credentials/InvalidField'],
    ]);
    const typo = findings(task({ Credentials: { roleArn: 'arn:aws:iam::1:role/x' } }));
    expect(typo.map((f) => f.path)).toEqual(['/States/S/Credentials/roleArn']);
    expect(typo[0]!.message).toContain('did you mean "RoleArn"?');
  });

  it('accepts RoleArn, RoleArn.$ and deploy-time values', () => {
    expect(findings(task({ Credentials: { RoleArn: 'arn:aws:iam::1:role/x' } }))).toEqual([]);
    expect(findings(task({ Credentials: { 'RoleArn.$': '$roleArn' } }))).toEqual([]);
    expect(findings(task({ Credentials: { 'Fn::GetAtt': ['Role', 'Arn'] } }))).toEqual([]);
    expect(findings(one({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Credentials: { RoleArn: '{% $states.input.role %}' } }, { QueryLanguage: 'JSONata' }))).toEqual([]);
  });

  it('checks the .$ form like any payload value', () => {
    expect(pairs(task({ Credentials: { 'RoleArn.$': 'not a path' } }))).toEqual([['payload-dynamic-value', '/States/S/Credentials/RoleArn.$']]);
  });
});

describe('malformed input', () => {
  it.each([
    ['non-object templates', pass({ Parameters: 'x', ResultSelector: 5, Assign: null })],
    ['non-string paths', pass({ InputPath: 5, OutputPath: {}, ResultPath: [] })],
    ['odd Choice rules', { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [null, 1, { And: 'x', Not: [] }] } } }],
    ['odd Credentials and Resource', task({ Credentials: 'x', Resource: 5 })],
    ['odd catchers and readers', one({ Type: 'Map', Catch: [null, { ResultPath: 3 }], ItemReader: { ReaderConfig: 'x', Parameters: [1] }, ItemBatcher: 4 })],
    ['deep templates', pass({ Parameters: JSON.parse('{"a":'.repeat(5000) + '{"b.$":"$"}' + '}'.repeat(5000)) })],
    ['not a machine', 42],
  ])('does not crash on %s', (_name, definition) => {
    expect(() => findings(definition)).not.toThrow();
  });
});

describe('docs pages', () => {
  const docs = fileURLToPath(new URL('../../../docs/checks/', import.meta.url));
  function example(page: string, heading: string): unknown {
    const section = page.split(`## ${heading}\n`)[1] ?? '';
    return JSON.parse(/```json\n([\s\S]*?)\n```/.exec(section)![1]!);
  }
  for (const code of ours) {
    it(`${code}: the bad example reports it, the fixed one reports nothing`, () => {
      const file = `${docs}${code}.md`;
      expect(existsSync(file)).toBe(true);
      const page = readFileSync(file, 'utf8');
      expect(validateDefinition(example(page, 'Bad')).findings.map((f) => f.code)).toContain(code);
      expect(validateDefinition(example(page, 'Fixed')).findings).toEqual([]);
    });
  }
});

describe('positions in YAML templates', () => {
  it('points at the offending value inside a CloudFormation template, and leaves !Sub values alone', async () => {
    const { loadText } = await import('../../../src/source/index.js');
    const { validateMachine } = await import('../../../src/validate/index.js');
    const text = [
      'Resources:',
      '  Machine:',
      '    Type: AWS::StepFunctions::StateMachine',
      '    Properties:',
      '      Definition:',
      '        StartAt: Call',
      '        States:',
      '          Call:',
      '            Type: Task',
      '            Resource: !Sub arn:aws:states:::lambda:invoke',
      '            Parameters:',
      '              FunctionName: !GetAtt Fn.Arn',
      '              Payload.$: States.JsonToString($.a, $.b)',
      '            ResultPath: $.result[0:2]',
      '            End: true',
      '',
    ].join('\n');
    const loaded = loadText(text, 'template.yaml');
    const diagnostics = loaded.machines.flatMap((machine) => validateMachine(machine)).filter((d) => ours.has(d.code));
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['intrinsic-arity', 13, 26],
      ['invalid-reference-path', 14, 25],
    ]);
  });
});
