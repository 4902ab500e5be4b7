/**
 * The live view's picture of a run (src/cli/run-progress.ts): a window of recent steps that does not grow,
 * and counts per Map and Parallel state in progress, checked against the events of real executions.
 */
import { describe, expect, it } from 'vitest';
import { execute } from '../../src/run/execute.js';
import { RunProgress, describeGroup, type GroupSummary } from '../../src/cli/run-progress.js';

async function watch(definition: unknown, input: unknown = {}) {
  const progress = new RunProgress(definition, 10);
  const seen: GroupSummary[][] = [];
  const result = await execute(definition, input, {
    keepHistory: false,
    maxEvents: 1_000_000,
    answerer: {
      async answer(request) {
        if (request.stateName === 'Boom') return { kind: 'error', error: 'Bad', cause: 'no' };
        return { kind: 'result', result: 1, latencySeconds: request.stateName === 'Slow' ? 5 : undefined };
      },
    },
    onEvent(event, thread) {
      progress.add(event, thread);
      seen.push(progress.snapshot(10, 10).groups);
    },
  });
  return { result, progress, seen };
}

describe('RunProgress', () => {
  it('keeps at most the window of lines, and counts a Map\'s items', async () => {
    const machine = {
      StartAt: 'Each',
      States: { Each: { Type: 'Map', ItemsPath: '$.items', ItemProcessor: { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: 'arn:aws:lambda:x', End: true } } }, End: true } },
    };
    const { result, progress, seen } = await watch(machine, { items: Array.from({ length: 500 }, (_, i) => i) });
    expect(result.status).toBe('SUCCEEDED');
    const end = progress.snapshot(10, 10);
    expect(end.lines).toHaveLength(10);
    expect(end.lines.at(-1)!.text).toBe('✓ Each');
    expect(end.events).toBe(6 + 7 * 500);
    // The summary goes once the Map exits; just before, every item was done.
    expect(end.groups).toEqual([]);
    const last = seen.filter((g) => g.length > 0).at(-1)![0]!;
    expect(last).toMatchObject({ kind: 'Map', name: 'Each', total: 500, done: 500, running: 0, failed: 0 });
    expect(seen.some((g) => g[0]?.done === 250 && g[0].running === 1)).toBe(true);
  });

  it('counts Parallel branches done and running of the total, and a failed Map item inside one', async () => {
    const machine = {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Quick', States: { Quick: { Type: 'Pass', End: true } } },
            { StartAt: 'Slow', States: { Slow: { Type: 'Task', Resource: 'arn:aws:lambda:x', End: true } } },
            {
              StartAt: 'Items',
              States: {
                Items: {
                  Type: 'Map',
                  ItemsPath: '$.items',
                  ItemProcessor: { StartAt: 'Boom', States: { Boom: { Type: 'Task', Resource: 'arn:aws:lambda:x', End: true } } },
                  Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Fine' }],
                  Next: 'Fine',
                },
                Fine: { Type: 'Succeed' },
              },
            },
          ],
          End: true,
        },
      },
    };
    const { result, seen } = await watch(machine, { items: [1, 2, 3] });
    expect(result.status).toBe('SUCCEEDED');
    const fan = seen.map((groups) => groups.find((g) => g.name === 'Fan')).filter((g) => g !== undefined);
    expect(fan[0]).toMatchObject({ kind: 'Parallel', total: 3, done: 0, depth: 0 });
    expect(fan.some((g) => g.done === 1 && g.running === 2)).toBe(true);
    expect(fan.at(-1)).toMatchObject({ done: 3, running: 0 });
    const items = seen.flatMap((groups) => groups.filter((g) => g.name === 'Items'));
    expect(items.some((g) => g.failed === 1 && g.total === 3 && g.depth === 1)).toBe(true);
    expect(describeGroup({ kind: 'Map', name: 'Each', depth: 0, total: 10_000, done: 4211, running: 40, failed: 2 })).toBe(
      'Each (Map): 4,211 of 10,000 items done · 40 running · 2 failed',
    );
  });
});
