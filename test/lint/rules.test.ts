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
  invalid: [{ name: 'a Task has no timeout', definition: machine({ Work: without(goodTask, 'TimeoutSeconds'), Failed: failed }), errors: [{ path: '/States/Work', message: /Work.*TimeoutSeconds/, severity: 'warning' }] }],
});

ruleTester('task-retry', {
  valid: [{ name: 'the Task retries', definition: machine({ Work: goodTask, Failed: failed }) }],
  invalid: [{ name: 'a Task has no Retry', definition: machine({ Work: without(goodTask, 'Retry'), Failed: failed }), errors: [{ path: '/States/Work', severity: 'warning' }] }],
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
    const def = machine({ Pick: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'Each' }], Default: 'Work' }, Each: without(mapState({ MaxConcurrency: 4, Next: 'Work' }), 'End'), Work: goodTask, Failed: failed });
    expect(lintDefinition(def)).toEqual([]);
  });
});
