import { describe, expect, it } from 'vitest';
import { lintDefinition } from '../../src/lint/index.js';
import { machine, ruleTester } from './rule-tester.js';

const goodTask = {
  Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' }, TimeoutSeconds: 30,
  Retry: [{ ErrorEquals: ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException'], BackoffRate: 2, MaxDelaySeconds: 60 }],
  Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }], End: true,
};
const failed = { Type: 'Fail', Error: 'E' };
/** A copy without the named fields (JSON never holds undefined, so tests must not either). */
const without = (o: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

ruleTester('task-timeout', {
  valid: [{ name: 'the Task sets TimeoutSeconds', definition: machine({ Work: goodTask, Failed: failed }) }],
  invalid: [{ name: 'a Glue job run has no timeout', definition: machine({ Work: { ...without(goodTask, 'TimeoutSeconds'), Resource: 'arn:aws:states:::glue:startJobRun.sync' }, Failed: failed }), errors: [{ path: '/States/Work', message: /Work.*waits for the job it starts.*TimeoutSeconds/, severity: 'warning' }] }],
});

ruleTester('task-retry', {
  valid: [{ name: 'the Task retries', definition: machine({ Work: goodTask, Failed: failed }) }],
  invalid: [{ name: 'a Task has no Retry where another retries', definition: machine({ Work: { ...without(goodTask, 'Retry'), Resource: 'arn:aws:states:::sqs:sendMessage', Next: 'Other' }, Other: { ...goodTask, Resource: 'arn:aws:states:::sqs:sendMessage' }, Failed: failed }), errors: [{ path: '/States/Work', severity: 'warning' }] }],
});

ruleTester('choice-default', {
  valid: [{ name: 'the Choice has a Default', definition: machine({ C: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'D' }], Default: 'D' }, D: { Type: 'Succeed' } }) }],
  invalid: [{ name: 'the Choice has no Default', definition: machine({ C: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'D' }] }, D: { Type: 'Succeed' } }), errors: [{ path: '/States/C', message: /NoChoiceMatched/ }] }],
});

const mapState = (extra: Record<string, unknown>) => ({ Type: 'Map', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true, ...extra });
ruleTester('map-concurrency', {
  valid: [{ name: 'MaxConcurrency is bounded', definition: machine({ M: mapState({ MaxConcurrency: 5 }) }) }],
  invalid: [
    { name: 'MaxConcurrency is missing', definition: machine({ M: mapState({}) }), errors: [{ path: '/States/M' }] },
    { name: 'MaxConcurrency is 0', definition: machine({ M: mapState({ MaxConcurrency: 0 }) }), errors: [{ path: '/States/M/MaxConcurrency' }] },
  ],
});

ruleTester('legacy-map-fields', {
  valid: [{ name: 'the Map uses ItemProcessor', definition: machine({ M: mapState({ MaxConcurrency: 5 }) }) }],
  invalid: [{ name: 'the Map uses Iterator', definition: machine({ M: { Type: 'Map', MaxConcurrency: 2, Iterator: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } }), errors: [{ path: '/States/M/Iterator', severity: 'info' }] }],
});

describe('suppressions', () => {
  it('silences a rule named in a state Comment', () => {
    const def = machine({ Work: { ...without(goodTask, 'TimeoutSeconds'), Comment: 'asl-disable task-timeout' }, Failed: failed });
    expect(lintDefinition(def).filter((f) => f.code === 'task-timeout')).toEqual([]);
  });
  it('silences a rule for the whole file with asl-disable-file', () => {
    const def = machine({ Work: without(goodTask, 'Retry'), Failed: failed }, { Comment: 'asl-disable-file task-retry' });
    expect(lintDefinition(def).filter((f) => f.code === 'task-retry')).toEqual([]);
  });
  it('turns a rule off through config', () => {
    const def = machine({ Work: without(goodTask, 'Retry'), Failed: failed });
    expect(lintDefinition(def, { config: { rules: { 'task-retry': { severity: 'off' } } } }).filter((f) => f.code === 'task-retry')).toEqual([]);
  });
});

describe('lint over a definition following every practice', () => {
  it('reports nothing', () => {
    const def = machine({ Pick: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'Each' }], Default: 'Work' }, Each: without(mapState({ MaxConcurrency: 4, Next: 'Work', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }] }), 'End'), Work: goodTask, Failed: failed });
    expect(lintDefinition(def)).toEqual([]);
  });
});

ruleTester('catch-missing', {
  valid: [{ name: 'the Task is itself the error handler', definition: machine({ Work: goodTask, Failed: { ...without(goodTask, 'Catch'), End: true } }) }, { name: 'an enclosing Map catches everything', definition: machine({ M: mapState({ MaxConcurrency: 1, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }], ItemProcessor: { StartAt: 'T', States: { T: without(goodTask, 'Catch') } } }), Failed: failed }) }],
  invalid: [
    { name: 'a Task catches only one error where another catches all', definition: machine({ Work: { ...goodTask, Catch: [{ ErrorEquals: ['X'], Next: 'Failed' }], Next: 'Other' }, Other: goodTask, Failed: failed }), errors: [{ path: '/States/Work', message: /States.ALL/ }] },
    { name: 'a recovery path reached by a specific catcher has no catch-all', definition: machine({ Work: { ...goodTask, Catch: [{ ErrorEquals: ['Exists'], Next: 'Lookup' }, { ErrorEquals: ['States.ALL'], Next: 'Failed' }] }, Lookup: { ...without(goodTask, 'Catch'), End: true }, Failed: failed }), errors: [{ path: '/States/Lookup' }] },
  ],
});

ruleTester('retry-shadowed', {
  valid: [{ name: 'specific errors come before States.ALL', definition: machine({ Work: { ...goodTask, Retry: [...goodTask.Retry, { ErrorEquals: ['States.ALL'], MaxDelaySeconds: 5 }] }, Failed: failed }) }],
  invalid: [{ name: 'States.TaskFailed precedes a Lambda error', definition: machine({ Work: { ...goodTask, Retry: [{ ErrorEquals: ['States.TaskFailed'] }, { ErrorEquals: ['Lambda.ServiceException'] }] }, Failed: failed }), errors: [{ path: '/States/Work/Retry/1' }] }],
});

ruleTester('catch-shadowed', {
  valid: [{ name: 'States.Timeout follows States.TaskFailed', definition: machine({ Work: { ...goodTask, Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: 'Failed' }, { ErrorEquals: ['States.ALL'], Next: 'Failed' }] }, Failed: failed }) }],
  invalid: [{ name: 'a catcher follows States.TaskFailed', definition: machine({ Work: { ...goodTask, Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: 'Failed' }, { ErrorEquals: ['X'], Next: 'Failed' }, { ErrorEquals: ['States.ALL'], Next: 'Failed' }] }, Failed: failed }), errors: [{ path: '/States/Work/Catch/1' }] }],
});

describe('an entry after a States.ALL one', () => {
  it.each(['Retry', 'Catch'] as const)('is reported once in %s, by validate\'s states-all-position, not also as shadowed', (field) => {
    const list = field === 'Retry'
      ? [{ ErrorEquals: ['States.ALL'] }, { ErrorEquals: ['X'] }]
      : [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }, { ErrorEquals: ['X'], Next: 'Failed' }];
    const findings = lintDefinition(machine({ Work: { ...goodTask, [field]: list }, Failed: failed }));
    expect(findings.filter((f) => f.code.endsWith('-shadowed'))).toEqual([]);
    expect(findings.filter((f) => f.code === 'states-all-position').map((f) => f.path)).toEqual([`/States/Work/${field}/0/ErrorEquals/0`]);
  });
});

ruleTester('lambda-transient-retry', {
  valid: [{ name: 'States.TaskFailed covers the Lambda errors', definition: machine({ Work: { ...goodTask, Retry: [{ ErrorEquals: ['States.TaskFailed'] }] }, Failed: failed }) }],
  invalid: [{ name: 'only one Lambda error is retried', definition: machine({ Work: { ...goodTask, Retry: [{ ErrorEquals: ['Lambda.ServiceException'] }] }, Failed: failed }), errors: [{ path: '/States/Work/Retry', message: /AWSLambdaException, Lambda.SdkClientException/ }] }],
});

ruleTester('retry-max-delay', {
  valid: [{ name: 'the largest interval stays small', definition: machine({ Work: { ...goodTask, Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 3 }] }, Failed: failed }) }],
  invalid: [{ name: 'ten doubling attempts have no cap', definition: machine({ Work: { ...goodTask, Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 10, IntervalSeconds: 2 }] }, Failed: failed }), errors: [{ path: '/States/Work/Retry/0', message: /MaxDelaySeconds/ }] }],
});

ruleTester('hardcoded-account', {
  valid: [{ name: 'the ARN uses placeholders', definition: machine({ Work: { ...goodTask, Resource: 'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:f' }, Failed: failed }) }],
  invalid: [{ name: 'the ARN holds an account id', definition: machine({ Work: { ...goodTask, Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f' }, Failed: failed }), errors: [{ path: '/States/Work/Resource', message: /123456789012/ }] },
    { name: 'the ARN holds a region, the account is a placeholder', definition: machine({ Work: { ...goodTask, Resource: 'arn:aws:lambda:eu-west-1:${AWS::AccountId}:function:f' }, Failed: failed }), errors: [{ path: '/States/Work/Resource', message: /region eu-west-1/ }] },
    { name: 'the ARN holds an account, the region is a placeholder', definition: machine({ Work: { ...goodTask, Resource: 'arn:aws:lambda:${AWS::Region}:123456789012:function:f' }, Failed: failed }), errors: [{ path: '/States/Work/Resource', message: /account 123456789012/ }] }],
});

ruleTester('pass-chain', {
  valid: [{ name: 'a single Pass', definition: machine({ A: { Type: 'Pass', End: true } }) }],
  invalid: [{ name: 'two Pass states follow each other', definition: machine({ A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', End: true } }), errors: [{ path: '/States/A/Next', severity: 'info' }] }],
});

describe('express-unsupported', () => {
  const def = machine({ Wait: { Type: 'Wait', Seconds: 600, Next: 'Work' }, Work: { ...goodTask, Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', HeartbeatSeconds: 60 }, Failed: failed });
  it('stays silent for a Standard workflow', () => {
    expect(lintDefinition(def).filter((f) => f.code === 'express-unsupported')).toEqual([]);
  });
  it('reports the long wait, the callback and its heartbeat in an Express workflow', () => {
    expect(lintDefinition(def, { workflowType: 'express' }).filter((f) => f.code === 'express-unsupported').map((f) => f.path)).toEqual([
      '/States/Wait/Seconds',
      '/States/Work/Resource',
      '/States/Work/HeartbeatSeconds',
    ]);
  });
  it('reports a machine TimeoutSeconds over 300, a fixed Wait Timestamp, .sync, .sync:2 and an activity; not a JSONata timestamp or 300 seconds', () => {
    const states = {
      Until: { Type: 'Wait', Timestamp: '2030-01-01T00:00:00Z', Next: 'Soon' },
      Soon: { Type: 'Wait', QueryLanguage: 'JSONata', Timestamp: '{% $fromMillis($millis() + 60000) %}', Next: 'Run' },
      Run: { ...goodTask, Resource: 'arn:aws:states:::ecs:runTask.sync', Next: 'Child' },
      Child: { ...goodTask, Resource: 'arn:aws:states:::states:startExecution.sync:2', Next: 'Worker' },
      Worker: { ...goodTask, Resource: 'arn:aws:states:us-east-1:123456789012:activity:review', TimeoutSeconds: 300, End: true },
      Failed: failed,
    };
    const got = (timeout: number) => lintDefinition(machine(states, { TimeoutSeconds: timeout }), { workflowType: 'express' }).filter((f) => f.code === 'express-unsupported');
    expect(got(301).map((f) => f.path)).toEqual(['/TimeoutSeconds', '/States/Until/Timestamp', '/States/Run/Resource', '/States/Child/Resource', '/States/Worker/Resource']);
    expect(got(300).map((f) => f.path)).not.toContain('/TimeoutSeconds');
  });
});

describe('a rule that throws', () => {
  it('never crashes lint: every rule survives odd values', () => {
    const odd = { StartAt: 'A', States: { A: { Type: 'Task', Resource: { 'Fn::Sub': 'x' }, Retry: [null, 3], Catch: 'no', End: true }, B: null, C: { Type: 'Map', ItemProcessor: 5 } } };
    expect(lintDefinition(odd).filter((f) => f.code === 'internal-error')).toEqual([]);
  });
});

ruleTester('path-missing-dollar', {
  valid: [{ name: 'the key ends in .$', definition: machine({ A: { Type: 'Pass', Parameters: { 'id.$': '$.id' }, End: true } }) }],
  invalid: [{ name: 'a path sits under a plain key', definition: machine({ A: { Type: 'Pass', Parameters: { id: '$.id' }, End: true } }), errors: [{ path: '/States/A/Parameters/id', message: /id\.\$/ }] }],
});

ruleTester('pass-static-result', {
  valid: [{ name: 'the Result is plain data', definition: machine({ A: { Type: 'Pass', Result: { a: 1, b: 'x' }, End: true } }) }],
  invalid: [{ name: 'the Result holds a path', definition: machine({ A: { Type: 'Pass', Result: { a: '$.x' }, End: true } }), errors: [{ path: '/States/A/Result/a' }] }],
});
