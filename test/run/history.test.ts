/** History events in the shape of GetExecutionHistory: ids, previous ids, virtual timestamps, detail fields. */
import { expect, test } from 'vitest';
import { execute, type TaskAnswerer } from '../../src/run/index.js';

const answerer: TaskAnswerer = { answer: async () => ({ kind: 'result', result: { ok: true }, latencySeconds: 2 }) };

const definition = {
  StartAt: 'Work',
  States: {
    Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'Both' },
    Both: { Type: 'Parallel', Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }], Next: 'Done' },
    Done: { Type: 'Succeed' },
  },
};

test('numbers events from 1, links each to the one before it, and names detail fields as AWS does', async () => {
  const { history } = await execute(definition, { x: 1 }, { answerer, startTime: '2030-01-01T00:00:00Z' });
  expect(history.map((e) => e.type)).toEqual([
    'ExecutionStarted',
    'TaskStateEntered',
    'TaskScheduled',
    'TaskStarted',
    'TaskSucceeded',
    'TaskStateExited',
    'ParallelStateEntered',
    'ParallelStateStarted',
    'PassStateEntered',
    'PassStateExited',
    'ParallelStateSucceeded',
    'ParallelStateExited',
    'SucceedStateEntered',
    'SucceedStateExited',
    'ExecutionSucceeded',
  ]);
  history.forEach((event, i) => expect(event.id).toBe(i + 1));
  expect(history[1]).toMatchObject({ previousEventId: 1, stateEnteredEventDetails: { name: 'Work', input: '{"x":1}' } });
  expect(history[2]).toMatchObject({ taskScheduledEventDetails: { resource: 'invoke', resourceType: 'lambda', region: 'us-east-1', parameters: '{"x":1}' } });
  expect(history[3]).toEqual({ id: 4, previousEventId: 3, timestamp: '2030-01-01T00:00:00.000Z', type: 'TaskStarted', taskStartedEventDetails: { resource: 'invoke', resourceType: 'lambda' } });
  expect(history[4]).toMatchObject({ timestamp: '2030-01-01T00:00:02.000Z', taskSucceededEventDetails: { output: '{"ok":true}' } });
  expect(history.at(-1)).toMatchObject({ executionSucceededEventDetails: { output: '[{"ok":true}]' } });
});

test('lets a real-time caller wait through onDelay, with the virtual milliseconds', async () => {
  const delays: number[] = [];
  await execute(definition, {}, { answerer, onDelay: async (ms) => void delays.push(ms) });
  expect(delays).toEqual([2000]);
});

test('does not keep events when asked not to, but still counts them for the guard', async () => {
  const loop = { StartAt: 'L', States: { L: { Type: 'Pass', Next: 'L' } } };
  const result = await execute(loop, {}, { keepHistory: false, maxEvents: 100 });
  expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime', history: [] });
  expect(result.cause).toContain('reached 100 history events');
});

test('a Lambda function ARN is recorded as LambdaFunction events, an activity as Activity events, an SDK integration by service', async () => {
  const task = (resource: string) => ({ StartAt: 'T', States: { T: { Type: 'Task', Resource: resource, HeartbeatSeconds: 10, End: true } } });
  const types = async (resource: string, answer: TaskAnswerer = answerer) => (await execute(task(resource), { a: 1 }, { answerer: answer })).history;
  const lambda = await types('arn:aws:lambda:us-east-1:123456789012:function:charge');
  expect(lambda.map((e) => e.type).slice(2, 5)).toEqual(['LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionSucceeded']);
  expect(lambda[2]).toMatchObject({ lambdaFunctionScheduledEventDetails: { resource: 'arn:aws:lambda:us-east-1:123456789012:function:charge', input: '{"a":1}' } });
  expect(lambda[3]).not.toHaveProperty('lambdaFunctionStartedEventDetails');
  const failing: TaskAnswerer = { answer: async () => ({ kind: 'error', error: 'Boom', cause: 'why' }) };
  const failed = await types('arn:aws:lambda:us-east-1:123456789012:function:charge', failing);
  expect(failed[4]).toMatchObject({ type: 'LambdaFunctionFailed', lambdaFunctionFailedEventDetails: { error: 'Boom', cause: 'why' } });
  const activity = await types('arn:aws:states:us-east-1:123456789012:activity:approve');
  expect(activity[2]).toMatchObject({ type: 'ActivityScheduled', activityScheduledEventDetails: { heartbeatInSeconds: 10 } });
  const sdk = await types('arn:aws:states:::aws-sdk:s3:listBuckets');
  expect(sdk[2]).toMatchObject({ type: 'TaskScheduled', taskScheduledEventDetails: { resourceType: 'aws-sdk:s3', resource: 'listBuckets', heartbeatInSeconds: 10 } });
  const sync = await types('arn:aws:states:::glue:startJobRun.sync');
  expect(sync[4]).toMatchObject({ type: 'TaskSucceeded', taskSucceededEventDetails: { resourceType: 'glue', resource: 'startJobRun.sync', output: '{"ok":true}' } });
});
