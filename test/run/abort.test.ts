/**
 * ExecuteOptions.signal: a run ends ABORTED soon after the caller aborts, because the interpreter yields
 * to the event loop about every 20 ms; and nothing thrown once aborted is caught or retried by the machine.
 */
import { describe, expect, test } from 'vitest';
import { execute, type TaskAnswerer } from '../../src/index.js';

// Endless, yet a machine AWS would create: the way out is a Choice rule the input never meets.
const endless = {
  StartAt: 'A',
  States: {
    A: { Type: 'Pass', Next: 'B' },
    B: { Type: 'Choice', Choices: [{ Variable: '$.stop', IsPresent: true, Next: 'Done' }], Default: 'A' },
    Done: { Type: 'Succeed' },
  },
};

describe('abort', () => {
  test('an endless loop ends ABORTED within a fraction of a second of the abort, the history closed by ExecutionAborted', async () => {
    const controller = new AbortController();
    const started = performance.now();
    let abortedAt = 0;
    setTimeout(() => {
      abortedAt = performance.now();
      controller.abort();
    }, 100);
    const result = await execute(endless, {}, { signal: controller.signal, maxEvents: 100_000_000, keepHistory: false });
    const ended = performance.now();
    expect(result.status).toBe('ABORTED');
    expect(abortedAt).toBeGreaterThan(started);
    // The timer could fire at all only because the run yields; it then stops at the next yield.
    expect(ended - abortedAt).toBeLessThan(200);
  });

  test('an already aborted signal runs no state', async () => {
    const result = await execute(endless, {}, { signal: AbortSignal.abort() });
    expect(result.status).toBe('ABORTED');
    expect(result.history.map((e) => e.type)).toEqual(['ExecutionStarted', 'ExecutionAborted']);
  });

  test('timers keep firing during a long run: progress can be shown from the first moments', async () => {
    const loop = {
      StartAt: 'Check',
      States: {
        Check: { Type: 'Choice', Choices: [{ Variable: '$.i', NumericGreaterThanEquals: 20_000, Next: 'Done' }], Default: 'Step' },
        Step: { Type: 'Pass', Parameters: { 'i.$': 'States.MathAdd($.i, 1)' }, Next: 'Check' },
        Done: { Type: 'Succeed' },
      },
    };
    let ticks = 0;
    const timer = setInterval(() => void ticks++, 10);
    const started = performance.now();
    const result = await execute(loop, { i: 0 }, { maxEvents: 1_000_000 });
    const took = performance.now() - started;
    clearInterval(timer);
    expect(result.status).toBe('SUCCEEDED');
    // About one tick per 20 ms slice; without yielding there would be none.
    if (took > 100) expect(ticks).toBeGreaterThanOrEqual(Math.floor(took / 60));
  });

  test('an error thrown once aborted is neither caught nor retried, in a Map iteration too', async () => {
    const controller = new AbortController();
    const calls: string[] = [];
    const answerer: TaskAnswerer = {
      async answer(request) {
        calls.push(`${request.stateName}:${String(request.context.Map ? (request.context.Map as { Item: { Index: number } }).Item.Index : '')}`);
        if (calls.length === 3) {
          controller.abort();
          // What a guard inside an evaluation does: throw the abort reason.
          controller.signal.throwIfAborted();
        }
        return { kind: 'result', result: 1 };
      },
    };
    const machine = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: {
            StartAt: 'Work',
            States: {
              Work: {
                Type: 'Task',
                Resource: 'arn:aws:states:::lambda:invoke',
                Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 5 }],
                Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Recovered' }],
                End: true,
              },
              Recovered: { Type: 'Pass', End: true },
            },
          },
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Fallback' }],
          End: true,
        },
        Fallback: { Type: 'Pass', End: true },
      },
    };
    const result = await execute(machine, { items: [1, 2, 3, 4, 5] }, { answerer, signal: controller.signal });
    expect(result.status).toBe('ABORTED');
    expect(calls).toHaveLength(3);
    const types = result.history.map((e) => e.type);
    expect(types.at(-1)).toBe('ExecutionAborted');
    expect(types).not.toContain('TaskFailed');
    expect(types.filter((t) => t === 'PassStateEntered')).toEqual([]);
  });

  test('a real-time wait is cut short by the abort', async () => {
    const controller = new AbortController();
    const wait = { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, End: true } } };
    const onDelay = (ms: number) =>
      new Promise<void>((done) => {
        const timer = setTimeout(done, ms);
        controller.signal.addEventListener('abort', () => (clearTimeout(timer), done()), { once: true });
      });
    setTimeout(() => controller.abort(), 50);
    const result = await execute(wait, {}, { onDelay, signal: controller.signal });
    expect(result.status).toBe('ABORTED');
    expect(result.history.map((e) => e.type)).not.toContain('WaitStateExited');
  });
});
