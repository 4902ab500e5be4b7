import { describe, expect, it } from 'vitest';
import { runSchemaStage } from '../../../src/validate/schema/index.js';

const machine = (states: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ StartAt: Object.keys(states)[0], States: states, ...extra });
const ajvWording = /must match|must be equal to one of the allowed values|must NOT have|must have required/;

describe('schema stage', () => {
  it('accepts a valid JSONPath machine with every state type', () => {
    const def = machine({
      P: { Type: 'Pass', Result: 1, ResultPath: '$.x', Next: 'T' },
      T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:f', TimeoutSeconds: 10, HeartbeatSecondsPath: '$.h',
        Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 2, BackoffRate: 2, MaxDelaySeconds: 5, JitterStrategy: 'FULL' }],
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'F', ResultPath: '$.e' }], Next: 'C' },
      C: { Type: 'Choice', Choices: [{ Variable: '$.a', NumericGreaterThanPath: '$.b', Next: 'W' }, { And: [{ Variable: '$.a', IsPresent: true }], Next: 'W' }], Default: 'W' },
      W: { Type: 'Wait', SecondsPath: '$.s', Next: 'Par' },
      Par: { Type: 'Parallel', Branches: [{ StartAt: 'S', States: { S: { Type: 'Succeed' } } }], Next: 'M' },
      M: { Type: 'Map', ItemsPath: '$.items', MaxConcurrency: 2, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'S', States: { S: { Type: 'Succeed' } } },
        ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', MaxItems: 10 } },
        ItemBatcher: { MaxItemsPerBatch: 5 }, ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: {} }, ToleratedFailurePercentage: 5, Label: 'L', End: true },
      F: { Type: 'Fail', Error: 'E', Cause: 'C' },
    });
    expect(runSchemaStage(def)).toEqual([]);
  });

  it('accepts JSONata {% %} strings where numbers are expected', () => {
    const def = machine({
      T: { Type: 'Task', Resource: 'arn:x', Arguments: {}, Output: '{% $states.result %}', Assign: { a: 1 }, TimeoutSeconds: '{% $t %}', Next: 'W' },
      W: { Type: 'Wait', Seconds: '{% $s %}', Next: 'M' },
      M: { Type: 'Map', Items: '{% $items %}', MaxConcurrency: '{% $m %}', ItemProcessor: { StartAt: 'S', States: { S: { Type: 'Succeed' } } }, Next: 'C' },
      C: { Type: 'Choice', Choices: [{ Condition: '{% true %}', Next: 'S' }], Default: 'S' },
      S: { Type: 'Succeed', Output: {} },
    }, { QueryLanguage: 'JSONata' });
    expect(runSchemaStage(def)).toEqual([]);
  });

  it('reports an unknown field at the field itself with a suggestion', () => {
    const findings = runSchemaStage(machine({ A: { Type: 'Pass', Nxt: 'B' } }));
    expect(findings).toEqual([{ code: 'unknown-field', severity: 'error', path: '/States/A/Nxt', message: '"Nxt" is not a field of Pass state "A"; did you mean "Next"?' }]);
  });

  it('reports an unknown state type once, with a suggestion', () => {
    const findings = runSchemaStage(machine({ A: { Type: 'Tsk', Resource: 'x' } }));
    expect(findings).toEqual([{ code: 'invalid-state-type', severity: 'error', path: '/States/A/Type', message: 'Type "Tsk" is not a state type; did you mean "Task"?' }]);
  });

  it('reports a missing Task Resource', () => {
    expect(runSchemaStage(machine({ A: { Type: 'Task', End: true } }))).toEqual([
      { code: 'missing-field', severity: 'error', path: '/States/A', message: 'Task state "A" is missing the required field "Resource"' },
    ]);
  });

  it('reports wrong types and out-of-range values at the value', () => {
    const findings = runSchemaStage(machine({ A: { Type: 'Task', Resource: 'x', TimeoutSeconds: true, End: true,
      Retry: [{ ErrorEquals: ['a'], JitterStrategy: 'SOME', MaxAttempts: -1 }] } }));
    expect(findings.map((f) => [f.code, f.path, f.message])).toEqual([
      ['invalid-value', '/States/A/Retry/0/JitterStrategy', '"SOME" is not a valid JitterStrategy; use one of "FULL", "NONE"'],
      ['invalid-value', '/States/A/Retry/0/MaxAttempts', 'MaxAttempts should be at least 0, but is -1'],
      ['wrong-type', '/States/A/TimeoutSeconds', 'TimeoutSeconds should be a whole number (or a JSONata "{% %}" string), but is true or false'],
    ]);
  });

  it('accepts unresolved CloudFormation values where strings or numbers are expected', () => {
    expect(runSchemaStage(machine({ A: { Type: 'Task', Resource: { 'Fn::GetAtt': ['F', 'Arn'] }, TimeoutSeconds: '${Timeout}', End: true } }))).toEqual([]);
  });

  it('never uses ajv wording and never throws on odd input', () => {
    for (const input of [null, 1, 'x', [], {}, { States: [] }, machine({ A: null }), machine({ A: { Type: 5 } })]) {
      const findings = runSchemaStage(input);
      for (const f of findings) expect(f.message).not.toMatch(ajvWording);
    }
  });

  it('validates 20,000 states quickly', () => {
    const states: Record<string, unknown> = {};
    for (let i = 0; i < 20000; i++) states[`S${i}`] = { Type: 'Pass', Result: { i }, Next: `S${i + 1}` };
    states.S20000 = { Type: 'Succeed' };
    const start = performance.now();
    expect(runSchemaStage(machine(states))).toEqual([]);
    const ms = performance.now() - start;
    console.log(`schema stage: 20,001 states in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(2000);
  });
});
