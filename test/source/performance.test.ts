// A 20,000-state definition must load in well under a second; the bound here leaves room for slow CI machines.
import { describe, expect, it } from 'vitest';
import { loadText } from '../../src/source/index.js';

function bigDefinition(count: number): string {
  const states: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    states[`State${i}`] = {
      Type: 'Task',
      Resource: `arn:aws:lambda:us-east-1:123456789012:function:fn${i}`,
      Parameters: { 'Payload.$': '$', Value: i },
      Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }],
      ...(i < count - 1 ? { Next: `State${i + 1}` } : { End: true }),
    };
  }
  return JSON.stringify({ StartAt: 'State0', States: states }, null, 2);
}

describe('load performance', () => {
  it('loads a 20,000-state JSON definition quickly and positions a state deep inside it', () => {
    const text = bigDefinition(20_000);
    loadText(bigDefinition(200), 'warm.asl.json'); // warm the JIT so the number means something
    const start = performance.now();
    const loaded = loadText(text, 'big.asl.json');
    const ms = performance.now() - start;
    expect(loaded.diagnostics).toEqual([]);
    expect(Object.keys((loaded.machines[0]!.definition as { States: object }).States)).toHaveLength(20_000);
    console.log(`20,000 states, ${(text.length / 1e6).toFixed(1)} MB: loaded in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(2000);
    const lookup = performance.now();
    expect(loaded.machines[0]!.locate('/States/State19999/End').line).toBe(text.split('\n').length - 3);
    console.log(`first position lookup (builds the index): ${(performance.now() - lookup).toFixed(0)} ms`);
  });
});
