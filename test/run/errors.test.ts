/** Which errors Retry and Catch may handle: the cases AWS treats specially. */
import { describe, expect, test } from 'vitest';
import { execute, type TaskAnswerer } from '../../src/run/index.js';

const big = 'x'.repeat(270_000);

const oversized = (errorEquals: string[]) => ({
  StartAt: 'Grow',
  States: {
    Grow: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Catch: [{ ErrorEquals: errorEquals, ResultPath: '$.caught', Next: 'Handled' }],
      End: true,
    },
    Handled: { Type: 'Pass', End: true },
  },
});
const answersBig: TaskAnswerer = { answer: async () => ({ kind: 'result', result: { big } }) };

describe('States.DataLimitExceeded', () => {
  test('a state output over 262,144 bytes is not caught by States.ALL', async () => {
    const result = await execute(oversized(['States.ALL']), {}, { answerer: answersBig });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
  });

  test('nor by States.TaskFailed, but a catcher naming it handles it', async () => {
    expect((await execute(oversized(['States.TaskFailed']), {}, { answerer: answersBig })).status).toBe('FAILED');
    const named = await execute(oversized(['States.DataLimitExceeded']), {}, { answerer: answersBig });
    expect(named.status).toBe('SUCCEEDED');
    expect((named.output as { caught: { Error: string } }).caught.Error).toBe('States.DataLimitExceeded');
  });

  test('a task whose service answers States.DataLimitExceeded is an ordinary task failure that States.ALL catches (as recorded on AWS)', async () => {
    const answerer: TaskAnswerer = { answer: async () => ({ kind: 'error', error: 'States.DataLimitExceeded', cause: 'too big' }) };
    const result = await execute(oversized(['States.ALL']), {}, { answerer });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { caught: { Error: 'States.DataLimitExceeded', Cause: 'too big' } } });
  });

  test('the limit holds when no history is kept, and is measured in UTF-8 bytes, not characters', async () => {
    const quiet = await execute(oversized(['States.ALL']), {}, { answerer: answersBig, keepHistory: false });
    expect(quiet).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
    const pass = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
    for (const keepHistory of [true, false]) {
      // 120,000 two-byte characters: 240,000 bytes, under the limit; 140,000 are 280,000 bytes, over it.
      expect((await execute(pass, { s: 'é'.repeat(120_000) }, { keepHistory })).status).toBe('SUCCEEDED');
      expect((await execute(pass, { s: 'é'.repeat(140_000) }, { keepHistory })).error).toBe('States.DataLimitExceeded');
    }
  });

  test('an execution input over the limit fails the first state', async () => {
    const result = await execute({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, { big });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
  });
});

describe('States.Runtime', () => {
  test('no Catch handles it, not even one naming it, and no Retry re-runs it', async () => {
    const definition = {
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          OutputPath: '$.missing',
          Retry: [{ ErrorEquals: ['States.Runtime', 'States.ALL'], MaxAttempts: 5 }],
          Catch: [{ ErrorEquals: ['States.Runtime'], Next: 'H' }, { ErrorEquals: ['States.ALL'], Next: 'H' }],
          End: true,
        },
        H: { Type: 'Pass', End: true },
      },
    };
    let calls = 0;
    const answerer: TaskAnswerer = { answer: async () => (calls++, { kind: 'result', result: {} }) };
    const result = await execute(definition, {}, { answerer });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(calls).toBe(1);
  });
});

describe('Fail', () => {
  test('a Fail state with no Error ends the execution with no error and no cause', async () => {
    const result = await execute({ StartAt: 'F', States: { F: { Type: 'Fail' } } }, {});
    expect(result.status).toBe('FAILED');
    expect(result).not.toHaveProperty('error');
    expect(result).not.toHaveProperty('cause');
    expect(result.history.at(-1)).toMatchObject({ type: 'ExecutionFailed', executionFailedEventDetails: {} });
  });
});

describe('a caught error assigns only what the catcher assigns', () => {
  const failing: TaskAnswerer = { answer: async () => ({ kind: 'error', error: 'Boom', cause: 'no' }) };
  const machine = (language: 'JSONPath' | 'JSONata', catcher: Record<string, unknown>) => ({
    QueryLanguage: language,
    StartAt: 'Work',
    States: {
      Work: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Assign: language === 'JSONata' ? { done: '{% $states.result.Payload.ok %}' } : { 'done.$': '$.Payload.ok' },
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'After', ...catcher }],
        End: true,
      },
      After: language === 'JSONata' ? { Type: 'Pass', Output: '{% $exists($done) %}', End: true } : { Type: 'Pass', End: true },
    },
  });

  test('JSONata: the state\'s Assign, which reads $states.result, is not evaluated for a catcher without Assign', async () => {
    const result = await execute(machine('JSONata', {}), {}, { answerer: failing });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: false });
  });

  test('JSONPath: the state\'s Assign is not evaluated against the error output either', async () => {
    const result = await execute(machine('JSONPath', {}), {}, { answerer: failing, history: true });
    expect(result.status).toBe('SUCCEEDED');
    const exited = result.history!.find((e) => e.type === 'TaskStateExited')!;
    expect(JSON.stringify(exited)).not.toContain('assignedVariables');
  });

  test('the catcher\'s own Assign is evaluated, with the error output', async () => {
    const result = await execute(machine('JSONata', { Assign: { done: '{% $states.errorOutput.Error %}' } }), {}, { answerer: failing });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: true });
  });
});
