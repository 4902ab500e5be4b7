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

  it('names every state of 5,000 nesting levels in time linear in the depth, with the same names', () => {
    // Alternate Parallel branches and Map processors, so both kinds of scope are on the way up.
    let def: Record<string, unknown> = { StartAt: 'Leaf', States: { Leaf: { Type: 'Pass', End: true } } };
    for (let i = 0; i < 5000; i++) {
      const name = `S${i}`;
      const state = i % 2 === 0 ? { Type: 'Parallel', End: true, Branches: [{ StartAt: 'x', States: { x: { Type: 'Pass', End: true } } }, def] } : { Type: 'Map', End: true, ItemProcessor: def };
      def = { StartAt: name, States: { [name]: state } };
    }
    const model = buildModel(def);
    const started = performance.now();
    const names = model.states.map((node) => qualifiedName(node));
    const elapsed = performance.now() - started;
    console.log(`qualifiedName for all ${model.states.length} states of 5,000 nesting levels: ${elapsed.toFixed(1)} ms`);
    // Each name is its owner's name, the branch index for a Parallel branch, and its own name.
    const byNode = new Map(model.states.map((node, i) => [node, names[i]!]));
    for (const node of model.states) {
      const owner = node.scope.owner;
      const prefix = owner ? `${byNode.get(owner)}/${node.scope.kind === 'branch' ? `${node.scope.index}/` : ''}` : '';
      expect(byNode.get(node)).toBe(`${prefix}${node.name}`);
    }
    expect(names[0]).toBe('S4999');
    expect(names.at(-1)!.split('/').length).toBe(5000 + 2500 + 1);
    expect(names.at(-1)!.endsWith('/S1/S0/1/Leaf')).toBe(true);
  });
});
