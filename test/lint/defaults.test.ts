/**
 * The default rule set after issue 11: what each rule reports out of the box, what an option adds back, and
 * that one fix gets one finding. Each must-fire case is here next to the case the rule now leaves alone.
 */
import { describe, expect, it } from 'vitest';
import { lintDefinition } from '../../src/lint/index.js';
import { machine } from './rule-tester.js';

type Options = Parameters<typeof lintDefinition>[1];
const codes = (def: unknown, id: string, options?: Options) => lintDefinition(def, options).filter((f) => f.code === id);
const paths = (def: unknown, id: string, options?: Options) => codes(def, id, options).map((f) => f.path);
const withRule = (id: string, options: Record<string, unknown>): Options => ({ config: { rules: { [id]: { severity: 'warning', options } } } });
const task = (resource: string, extra: Record<string, unknown> = {}) => ({ Type: 'Task', Resource: resource, End: true, ...extra });

describe('task-timeout', () => {
  it.each([
    ['a .sync job', 'arn:aws:states:::glue:startJobRun.sync', /waits for the job it starts/],
    ['a .sync:2 execution', 'arn:aws:states:::states:startExecution.sync:2', /waits for the job it starts/],
    // An activity with neither bound is task-heartbeat's finding (below); with that rule off, task-timeout speaks.
    ['an activity', 'arn:aws:states:us-east-1:123456789012:activity:work', /waits for an activity worker/],
  ])('reports %s without TimeoutSeconds', (_name, resource, message) => {
    const [finding] = codes(machine({ T: task(resource) }), 'task-timeout', { config: { rules: { 'task-heartbeat': { severity: 'off' } } } });
    expect(finding?.path).toBe('/States/T');
    expect(finding?.message).toMatch(message);
    expect(finding?.message).toMatch(/up to a year/);
  });
  it('leaves request-response calls alone by default: the service bounds them', () => {
    for (const resource of ['arn:aws:states:::lambda:invoke', 'arn:aws:states:::aws-sdk:s3:getObject', 'arn:aws:lambda:us-east-1:123456789012:function:f', '${WorkerArn}'])
      expect(paths(machine({ T: task(resource) }), 'task-timeout'), resource).toEqual([]);
  });
  it('reports request-response calls and deploy-time Resources with requestResponse: true', () => {
    const def = machine({ L: task('arn:aws:states:::lambda:invoke', { End: undefined, Next: 'P' }), P: task('${WorkerArn}') });
    const found = codes(def, 'task-timeout', withRule('task-timeout', { requestResponse: true }));
    expect(found.map((f) => f.path)).toEqual(['/States/L', '/States/P']);
    expect(found[0]!.message).toMatch(/request-response call/);
    expect(found[1]!.message).toMatch(/only known at deploy time/);
  });
  it('counts a heartbeat as a bound for a callback, and either timeout field as a timeout', () => {
    expect(paths(machine({ T: task('arn:aws:states:::sqs:sendMessage.waitForTaskToken', { HeartbeatSeconds: 60 }) }), 'task-timeout')).toEqual([]);
    expect(paths(machine({ T: task('arn:aws:states:::glue:startJobRun.sync', { TimeoutSecondsPath: '$.limit' }) }), 'task-timeout')).toEqual([]);
  });
});

describe('task-heartbeat (no tests before issue 11)', () => {
  it('reports a callback without HeartbeatSeconds, saying whether anything bounds it', () => {
    const bare = codes(machine({ T: task('arn:aws:states:::sqs:sendMessage.waitForTaskToken') }), 'task-heartbeat');
    expect(bare.map((f) => f.path)).toEqual(['/States/T']);
    expect(bare[0]!.message).toMatch(/nothing bounds the wait/);
    const timed = codes(machine({ T: task('arn:aws:states:::sqs:sendMessage.waitForTaskToken', { TimeoutSeconds: 3600 }) }), 'task-heartbeat');
    expect(timed[0]!.message).toMatch(/only when the whole timeout runs out/);
  });
  it('reports an activity, and stays silent for HeartbeatSeconds, HeartbeatSecondsPath and .sync jobs', () => {
    expect(paths(machine({ T: task('arn:aws:states:eu-west-1:123456789012:activity:a', { TimeoutSeconds: 60 }) }), 'task-heartbeat')).toEqual(['/States/T']);
    expect(paths(machine({ T: task('arn:aws:states:::sqs:sendMessage.waitForTaskToken', { HeartbeatSeconds: 60 }) }), 'task-heartbeat')).toEqual([]);
    expect(paths(machine({ T: task('arn:aws:states:::sqs:sendMessage.waitForTaskToken', { HeartbeatSecondsPath: '$.hb' }) }), 'task-heartbeat')).toEqual([]);
    expect(paths(machine({ T: task('arn:aws:states:::glue:startJobRun.sync') }), 'task-heartbeat')).toEqual([]);
  });
  it('is the one finding for a callback with neither timeout nor heartbeat', () => {
    const found = lintDefinition(machine({ T: task('arn:aws:states:::sqs:sendMessage.waitForTaskToken') })).filter((f) => f.path === '/States/T');
    expect(found.map((f) => f.code)).toEqual(['task-heartbeat']);
    expect(codes(machine({ T: task('arn:aws:states:::sqs:sendMessage.waitForTaskToken') }), 'task-timeout', { config: { rules: { 'task-heartbeat': { severity: 'off' } } } })).toHaveLength(1);
  });
});

describe('task-retry and lambda-transient-retry: one finding for one fix', () => {
  const lambda = machine({ Charge: task('arn:aws:states:::lambda:invoke', { Parameters: { FunctionName: 'f' } }) });
  it('reports a Lambda Task without Retry once, naming the errors to retry', () => {
    const found = lintDefinition(lambda, withRule('task-retry', { mode: 'all' })).filter((f) => f.code.includes('retry'));
    expect(found.map((f) => `${f.code} ${f.path}`)).toEqual(['lambda-transient-retry /States/Charge']);
    expect(found[0]!.message).toMatch(/has no Retry; add a retrier for Lambda.ServiceException/);
  });
  it('lets task-retry speak when lambda-transient-retry is off', () => {
    const config: Options = { config: { rules: { 'task-retry': { severity: 'warning', options: { mode: 'all' } }, 'lambda-transient-retry': { severity: 'off' } } } };
    expect(paths(lambda, 'task-retry', config)).toEqual(['/States/Charge']);
  });
  it('lets an asl-disable of the specific rule quiet the general one on that state', () => {
    const def = machine({ Charge: task('arn:aws:states:::lambda:invoke', { Comment: 'asl-disable lambda-transient-retry' }) });
    expect(lintDefinition(def, withRule('task-retry', { mode: 'all' })).filter((f) => f.code.includes('retry'))).toEqual([]);
  });
});

describe('task-retry', () => {
  const put = (extra: Record<string, unknown> = {}) => task('arn:aws:states:::dynamodb:putItem', extra);
  it('asks a machine that retries a service call to retry everywhere', () => {
    const def = machine({ A: put({ Retry: [{ ErrorEquals: ['States.ALL'] }], End: undefined, Next: 'B' }), B: put() });
    expect(paths(def, 'task-retry')).toEqual(['/States/B']);
  });
  it('leaves a machine that never retries alone, and does not count the Lambda retrier editors add by default', () => {
    expect(paths(machine({ A: put() }), 'task-retry')).toEqual([]);
    const def = machine({ L: task('arn:aws:states:::lambda:invoke', { Retry: [{ ErrorEquals: ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException'] }], End: undefined, Next: 'B' }), B: put() });
    expect(paths(def, 'task-retry')).toEqual([]);
  });
  it('asks every machine with mode: "all"', () => {
    expect(paths(machine({ A: put() }), 'task-retry', withRule('task-retry', { mode: 'all' }))).toEqual(['/States/A']);
  });
});

describe('catch-missing', () => {
  const work = (extra: Record<string, unknown> = {}) => task('arn:aws:states:::dynamodb:putItem', extra);
  const catchAll = { Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }] };
  const failed = { Type: 'Fail', Error: 'E' };
  it('leaves a machine that lets every error fail the execution alone', () => {
    expect(paths(machine({ A: work({ End: undefined, Next: 'B' }), B: work() }), 'catch-missing')).toEqual([]);
  });
  it('reports the states a machine that catches errors leaves uncovered', () => {
    const def = machine({ A: work({ ...catchAll, End: undefined, Next: 'B' }), B: work(), Failed: failed });
    const [finding] = codes(def, 'catch-missing');
    expect(finding?.path).toBe('/States/B');
    expect(finding?.message).toMatch(/other states of this machine catch every error/);
  });
  it('reports a Map once, not again for each Task inside it', () => {
    const map = { Type: 'Map', MaxConcurrency: 2, ItemProcessor: { StartAt: 'In', States: { In: work({ End: undefined, Next: 'Out' }), Out: work() } }, End: true };
    const def = machine({ A: work({ ...catchAll, End: undefined, Next: 'M' }), M: map, Failed: failed });
    const found = codes(def, 'catch-missing');
    expect(found.map((f) => f.path)).toEqual(['/States/M']);
    expect(found[0]!.message).toMatch(/also covers the states inside/);
  });
  it('asks every machine with mode: "all"', () => {
    expect(paths(machine({ A: work() }), 'catch-missing', withRule('catch-missing', { mode: 'all' }))).toEqual(['/States/A']);
  });
});

describe('parallel-single-branch (no tests before issue 11)', () => {
  const branch = { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } };
  it('reports a one-branch Parallel that neither retries nor catches', () => {
    expect(paths(machine({ P: { Type: 'Parallel', Branches: [branch], End: true } }), 'parallel-single-branch')).toEqual(['/States/P/Branches']);
  });
  it('leaves the try/catch block alone: one branch with Catch or Retry', () => {
    const withCatch = machine({ P: { Type: 'Parallel', Branches: [branch], Catch: [{ ErrorEquals: ['States.ALL'], Next: 'F' }], End: true }, F: { Type: 'Fail' } });
    const withRetry = machine({ P: { Type: 'Parallel', Branches: [branch], Retry: [{ ErrorEquals: ['States.ALL'] }], End: true } });
    expect(paths(withCatch, 'parallel-single-branch')).toEqual([]);
    expect(paths(withRetry, 'parallel-single-branch')).toEqual([]);
  });
  it('leaves a Parallel of two branches alone', () => {
    expect(paths(machine({ P: { Type: 'Parallel', Branches: [branch, branch], End: true } }), 'parallel-single-branch')).toEqual([]);
  });
});

describe('hardcoded-account advice follows the file the definition is written in', () => {
  const def = machine({ T: task('arn:aws:lambda:us-east-1:123456789012:function:f'), R: task('arn:aws:lambda:eu-west-1:${AWS::AccountId}:function:g') });
  const messages = (source: 'definition' | 'template' | 'serverless') => codes(def, 'hardcoded-account', { source }).map((f) => f.message);
  it('a serverless.yml: Serverless Framework variables, not DefinitionSubstitutions', () => {
    const [acct, region] = messages('serverless');
    expect(acct).toMatch(/\$\{aws:accountId\}/);
    expect(region).toMatch(/\$\{aws:region\}/);
    expect(`${acct} ${region}`).not.toMatch(/DefinitionSubstitutions/);
  });
  it('a CloudFormation/SAM template: pseudo parameters in Fn::Sub', () => {
    expect(messages('template')[0]).toMatch(/\$\{AWS::AccountId\} inside a Fn::Sub/);
  });
  it('a bare definition: a deploy-time placeholder', () => {
    expect(messages('definition')[0]).toMatch(/placeholder such as \$\{AccountId\}/);
  });
});

describe('retry-max-delay', () => {
  it('says "more than a year" rather than Infinity for an overflowing backoff', () => {
    const def = machine({ T: task('arn:aws:states:::dynamodb:putItem', { Retry: [{ ErrorEquals: ['States.ALL'], BackoffRate: 1000, MaxAttempts: 500 }] }) });
    const [finding] = codes(def, 'retry-max-delay');
    expect(finding?.message).toMatch(/can wait more than a year/);
    expect(finding?.message).not.toMatch(/Infinity|NaN/);
  });
  it('gives a readable size for a long but finite wait', () => {
    const def = machine({ T: task('arn:aws:states:::dynamodb:putItem', { Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 30, MaxAttempts: 6, BackoffRate: 2 }] }) });
    expect(codes(def, 'retry-max-delay')[0]?.message).toMatch(/can wait 16 minutes before its last attempt/);
  });
});
