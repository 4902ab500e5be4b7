/**
 * Parallel branches and Map iterations run side by side on the virtual clock: the first failure in
 * virtual time fails the state (the lowest index on a tie), the others stop there, events come in
 * virtual-time order, and nesting interleaves correctly.
 */
import { describe, expect, test } from 'vitest';
import { execute, type TaskAnswerer } from '../../src/run/index.js';

const waitThenFail = (seconds: number, error: string) => ({
  StartAt: 'W',
  States: { W: { Type: 'Wait', Seconds: seconds, Next: 'F' }, F: { Type: 'Fail', Error: error, Cause: `after ${seconds}s` } },
});
const waitThenPass = (seconds: number, result: unknown) => ({
  StartAt: 'W',
  States: { W: { Type: 'Wait', Seconds: seconds, Next: 'P' }, P: { Type: 'Pass', Result: result, End: true } },
});
const parallel = (branches: unknown[], extra: Record<string, unknown> = {}) => ({
  StartAt: 'Fan',
  States: { Fan: { Type: 'Parallel', Branches: branches, End: true, ...extra } },
});
const elapsed = (history: Array<{ timestamp: string }>) => (Date.parse(history.at(-1)!.timestamp) - Date.parse(history[0]!.timestamp)) / 1000;

describe('Parallel', () => {
  test('the branch that fails first in virtual time fails the state, not the first in branch order', async () => {
    const result = await execute(parallel([waitThenFail(10, 'Slow'), waitThenFail(5, 'Fast')]), {});
    expect(result).toMatchObject({ status: 'FAILED', error: 'Fast', cause: 'after 5s' });
    expect(elapsed(result.history)).toBe(5);
  });

  test('on a tie in virtual time the lower branch index wins', async () => {
    const result = await execute(parallel([waitThenFail(5, 'First'), waitThenFail(5, 'Second')]), {});
    expect(result).toMatchObject({ status: 'FAILED', error: 'First' });
    const immediate = await execute(parallel([waitThenFail(0, 'First'), { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Second' } } }]), {});
    expect(immediate.error).toBe('First');
  });

  test('the other branches stop when one fails: nothing of theirs happens after the failure', async () => {
    const result = await execute(parallel([waitThenPass(60, 'late'), waitThenFail(5, 'Boom')]), {});
    expect(result.error).toBe('Boom');
    const entered = result.history.filter((e) => e.type.endsWith('StateEntered')).map((e) => (e.stateEnteredEventDetails as { name: string }).name);
    expect(entered).toEqual(['Fan', 'W', 'W', 'F']);
    expect(result.history.map((e) => e.type).slice(-2)).toEqual(['ParallelStateFailed', 'ExecutionFailed']);
  });

  test('a Catch on the Parallel sees the earliest failure, and Retry re-runs every branch', async () => {
    const definition = {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          Branches: [waitThenFail(10, 'Slow'), waitThenFail(5, 'Fast')],
          Retry: [{ ErrorEquals: ['Fast'], MaxAttempts: 1, IntervalSeconds: 1 }],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Handled' }],
          End: true,
        },
        Handled: { Type: 'Pass', End: true },
      },
    };
    const result = await execute(definition, {});
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { Error: 'Fast', Cause: 'after 5s' } });
    expect(elapsed(result.history)).toBe(11);
  });

  test('events of concurrent branches come in virtual-time order, nested Parallels included', async () => {
    const inner = { StartAt: 'Inner', States: { Inner: { Type: 'Parallel', Branches: [waitThenPass(3, 'i0'), waitThenPass(1, 'i1')], End: true } } };
    const result = await execute(parallel([inner, waitThenPass(2, 'b1')]), {});
    expect(result.output).toEqual([['i0', 'i1'], 'b1']);
    const passes = result.history.filter((e) => e.type === 'PassStateExited').map((e) => [(e.stateExitedEventDetails as { output: string }).output, elapsed([result.history[0]!, e])]);
    expect(passes).toEqual([['"i1"', 1], ['"b1"', 2], ['"i0"', 3]]);
    const stamps = result.history.map((e) => Date.parse(e.timestamp));
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
  });

  test('stub latency counts as time: the faster task failure wins', async () => {
    const answerer: TaskAnswerer = {
      answer: async (request) =>
        request.stateName === 'Slow' ? { kind: 'error', error: 'SlowError', latencySeconds: 20 } : { kind: 'error', error: 'FastError', latencySeconds: 2 },
    };
    const task = (name: string) => ({ StartAt: name, States: { [name]: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } });
    const result = await execute(parallel([task('Slow'), task('Fast')]), {}, { answerer });
    expect(result).toMatchObject({ status: 'FAILED', error: 'FastError' });
  });

  test('a real-time caller waits as long as the slowest branch, not the sum of the branches', async () => {
    const delays: number[] = [];
    const result = await execute(parallel([waitThenPass(5, 'a'), waitThenPass(3, 'b'), waitThenPass(4, 'c')]), {}, { onDelay: async (ms) => void delays.push(ms) });
    expect(result.status).toBe('SUCCEEDED');
    expect(delays).toEqual([3000, 1000, 1000]);
  });

  test('the execution timeout still applies inside branches', async () => {
    const definition = { ...parallel([waitThenPass(100, 'a'), waitThenPass(10, 'b')]), TimeoutSeconds: 50 };
    const result = await execute(definition, {});
    expect(result.status).toBe('TIMED_OUT');
    expect(elapsed(result.history)).toBe(50);
  });
});

describe('inline Map', () => {
  const map = (maxConcurrency: number) => ({
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        MaxConcurrency: maxConcurrency,
        ItemProcessor: {
          StartAt: 'W',
          States: {
            W: { Type: 'Wait', SecondsPath: '$', Next: 'F' },
            F: { Type: 'Fail', Error: 'ItemFailed', CausePath: "States.Format('item waited {}', $)" },
          },
        },
        End: true,
      },
    },
  });

  test('without a concurrency limit the iteration that fails first in virtual time fails the Map', async () => {
    const result = await execute(map(0), [10, 3, 7]);
    expect(result).toMatchObject({ status: 'FAILED', error: 'ItemFailed', cause: 'item waited 3' });
    expect(elapsed(result.history)).toBe(3);
    const aborted = result.history.filter((e) => e.type === 'MapIterationAborted').map((e) => (e.mapIterationAbortedEventDetails as { index: number }).index);
    expect(aborted).toEqual([0, 2]);
  });

  test('with MaxConcurrency 1 the items run one after another, so the first item fails first', async () => {
    const result = await execute(map(1), [10, 3, 7]);
    expect(result).toMatchObject({ status: 'FAILED', error: 'ItemFailed', cause: 'item waited 10' });
    expect(elapsed(result.history)).toBe(10);
    expect(result.history.some((e) => e.type === 'MapIterationStarted' && (e.mapIterationStartedEventDetails as { index: number }).index === 1)).toBe(false);
  });

  test('with MaxConcurrency 2 a slot frees at the first failure… which already ends the Map', async () => {
    const result = await execute(map(2), [10, 3, 1]);
    expect(result).toMatchObject({ error: 'ItemFailed', cause: 'item waited 3' });
    expect(elapsed(result.history)).toBe(3);
  });

  test('an inline Map runs at most 40 iterations at once, as AWS does, even without MaxConcurrency', async () => {
    const definition = {
      StartAt: 'Each',
      States: { Each: { Type: 'Map', ItemProcessor: { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 10, End: true } } }, End: true } },
    };
    const result = await execute(definition, Array.from({ length: 100 }, (_, i) => i));
    expect(result.status).toBe('SUCCEEDED');
    expect(elapsed(result.history)).toBe(30);
    const limited = await execute({ ...definition, States: { Each: { ...definition.States.Each, MaxConcurrency: 100 } } }, Array.from({ length: 100 }, (_, i) => i));
    expect(elapsed(limited.history)).toBe(30);
  });

  test('iterations start as slots free up and results stay in item order', async () => {
    const definition = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          MaxConcurrency: 2,
          ItemProcessor: { StartAt: 'W', States: { W: { Type: 'Wait', SecondsPath: '$', End: true } } },
          End: true,
        },
      },
    };
    const result = await execute(definition, [4, 1, 1, 1]);
    expect(result.output).toEqual([4, 1, 1, 1]);
    // Slots: item 0 runs 0–4; items 1, 2, 3 run back to back in the other slot, 0–3.
    expect(elapsed(result.history)).toBe(4);
    const starts = result.history.filter((e) => e.type === 'MapIterationStarted').map((e) => [(e.mapIterationStartedEventDetails as { index: number }).index, elapsed([result.history[0]!, e])]);
    expect(starts).toEqual([[0, 0], [1, 0], [2, 1], [3, 2]]);
  });
});

describe('the event guard inside branches and iterations', () => {
  test('ends the run cleanly whichever event reaches the limit', async () => {
    const definition = {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Each', States: { Each: { Type: 'Map', ItemProcessor: { StartAt: 'W', States: { W: { Type: 'Wait', SecondsPath: '$', End: true } } }, End: true } } },
            waitThenPass(2, 'b'),
          ],
          End: true,
        },
      },
    };
    const full = await execute(definition, [3, 1, 2]);
    expect(full.status).toBe('SUCCEEDED');
    for (let maxEvents = 1; maxEvents < full.history.length; maxEvents++) {
      const result = await execute(definition, [3, 1, 2], { maxEvents });
      expect(result, `maxEvents ${maxEvents}`).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
      expect(result.cause).toContain(`reached ${maxEvents} history events`);
    }
  }, 20_000);
});
