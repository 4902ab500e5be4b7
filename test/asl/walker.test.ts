import { describe, expect, it } from 'vitest';
import { buildModel, qualifiedName, transitionsOf } from '../../src/asl/walker.js';

const nested = {
  QueryLanguage: 'JSONata',
  StartAt: 'Fan out',
  States: {
    'Fan out': {
      Type: 'Parallel',
      Next: 'Each',
      Branches: [
        { StartAt: 'A', States: { A: { Type: 'Pass', QueryLanguage: 'JSONPath', End: true } } },
        { StartAt: 'B', States: { B: { Type: 'Succeed' } } },
      ],
    },
    Each: {
      Type: 'Map',
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED' }, StartAt: 'C', States: { C: { Type: 'Pass', End: true } } },
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done' }],
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
  },
};

describe('buildModel', () => {
  it('lists every state depth-first with containers before their nested states', () => {
    const model = buildModel(nested);
    expect(model.states.map((s) => s.name)).toEqual(['Fan out', 'A', 'B', 'Each', 'C', 'Done']);
    expect(model.scopes.map((s) => s.pointer)).toContain('/States/Each/ItemProcessor');
  });

  it('gives nested states their own scope, pointer and qualified name', () => {
    const model = buildModel(nested);
    const a = model.states.find((s) => s.name === 'A')!;
    expect(a.pointer).toBe('/States/Fan out/Branches/0/States/A');
    expect(a.scope.kind).toBe('branch');
    expect(qualifiedName(a)).toBe('Fan out/0/A');
    expect(model.states.find((s) => s.name === 'C')!.scope.distributed).toBe(true);
  });

  it('resolves the query language per state from the state or the top level', () => {
    const model = buildModel(nested);
    expect(model.states.find((s) => s.name === 'A')!.queryLanguage).toBe('JSONPath');
    expect(model.states.find((s) => s.name === 'C')!.queryLanguage).toBe('JSONata');
  });

  it('reports transitions with the pointer of the naming field', () => {
    const each = buildModel(nested).states.find((s) => s.name === 'Each')!;
    expect(transitionsOf(each).map((t) => [t.kind, t.pointer])).toEqual([
      ['next', '/States/Each/Next'],
      ['catch', '/States/Each/Catch/0/Next'],
    ]);
  });

  it('does not throw on values that are not state machines', () => {
    for (const value of [null, 3, 'x', [], { States: [] }, { States: { A: 5 } }]) {
      expect(() => buildModel(value)).not.toThrow();
    }
  });

  it('walks very deep nesting without overflowing the stack', () => {
    let def: Record<string, unknown> = { StartAt: 'L', States: { L: { Type: 'Pass', End: true } } };
    for (let i = 0; i < 5000; i++) {
      def = { StartAt: 'P', States: { P: { Type: 'Parallel', End: true, Branches: [def] } } };
    }
    expect(buildModel(def).states.length).toBe(5001);
  });
});
