/** The library API as a package user sees it: `execute` and `testState` from the package entry point. */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { execute, testState, StubFileError, type ExecuteOptions, type ExecutionResult, type StubFile, type TestStateResult } from '../../src/index.js';

const definition = {
  StartAt: 'Price',
  States: {
    Price: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', ResultPath: '$.price', Next: 'Notify' },
    Notify: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', ResultPath: null, End: true },
  },
};
const stubs: StubFile = {
  states: { Price: { module: './handlers.mjs#price' } },
  resources: { 'arn:aws:states:::sns:*': { result: { MessageId: 'm-1' } } },
};
const stubsDir = path.resolve(import.meta.dirname, '../fixtures/run/cli');

describe('execute', () => {
  test('runs with stubs given as an object, modules resolved from stubsDir, input defaulting to {}', async () => {
    const options: ExecuteOptions = { stubs, stubsDir, seed: 7 };
    const result: ExecutionResult = await execute(definition, { items: [{ price: 2 }, { price: 3 }] }, options);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ items: [{ price: 2 }, { price: 3 }], price: { total: 5 } });
    expect(result.history[0]!.type).toBe('ExecutionStarted');
    const empty = await execute({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
    expect(empty).toMatchObject({ status: 'SUCCEEDED', output: {} });
  });

  test('a bad stubs object throws StubFileError with pointers', async () => {
    const bad = { states: { Price: { result: 1, latency: 'soon' } } } as unknown as StubFile;
    await expect(execute(definition, {}, { stubs: bad })).rejects.toBeInstanceOf(StubFileError);
    await expect(execute(definition, {}, { stubs: bad })).rejects.toMatchObject({ problems: [{ pointer: '/states/Price/latency' }] });
  });

  test('the same inputs and seed give the same result and history', async () => {
    const random = { StartAt: 'R', States: { R: { Type: 'Pass', Parameters: { 'id.$': 'States.UUID()', 'n.$': 'States.MathRandom(1, 1000)' }, End: true } } };
    const a = await execute(random, {}, { seed: 3, startTime: '2025-02-03T04:05:06Z' });
    const b = await execute(random, {}, { seed: 3, startTime: '2025-02-03T04:05:06Z' });
    expect(a).toEqual(b);
    expect(a.history[0]!.timestamp).toBe('2025-02-03T04:05:06.000Z');
    const c = await execute(random, {}, { seed: 4, startTime: '2025-02-03T04:05:06Z' });
    expect(c.output).not.toEqual(a.output);
  });
});

describe('testState', () => {
  test('runs one state with stubs and reports TestState fields', async () => {
    const result: TestStateResult = await testState(definition, 'Price', { items: [{ price: 4 }] }, { stubs, stubsDir });
    expect(result).toMatchObject({ status: 'SUCCEEDED', nextState: 'Notify', output: { items: [{ price: 4 }], price: { total: 4 } } });
    expect(result.inspection).toMatchObject({ input: { items: [{ price: 4 }] }, result: { total: 4 }, afterResultPath: { price: { total: 4 } } });
  });
});

describe('testState retries as TestState reports them', () => {
  const payment = {
    StartAt: 'Pay',
    States: {
      Pay: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Retry: [{ ErrorEquals: ['Lambda.ServiceException'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2.0 }],
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Failed' }],
        End: true,
      },
      Failed: { Type: 'Fail' },
    },
  };
  const stubs: StubFile = { states: { Pay: { error: 'Lambda.ServiceException', cause: 'Service error' } } };

  test('with one retry made, the next back-off is 2 × 2.0¹ = 4 seconds by the first retrier', async () => {
    const result = await testState(payment, 'Pay', { data: 'value' }, { stubs, retrierRetryCount: 1 });
    expect(result).toMatchObject({ status: 'RETRIABLE', error: 'Lambda.ServiceException', cause: 'Service error' });
    expect(result.inspection.errorDetails).toEqual({ retryIndex: 0, retryBackoffIntervalSeconds: 4 });
  });

  test('with MaxAttempts retries made, the error falls through to Catch', async () => {
    const result = await testState(payment, 'Pay', { data: 'value' }, { stubs, retrierRetryCount: 3 });
    expect(result).toMatchObject({ status: 'CAUGHT_ERROR', nextState: 'Failed', output: { data: 'value', error: { Error: 'Lambda.ServiceException', Cause: 'Service error' } } });
    expect(result.inspection.errorDetails).toEqual({ catchIndex: 0 });
  });
});
