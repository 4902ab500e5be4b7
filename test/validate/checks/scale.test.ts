// The structure checks on machines with tens of thousands of states: correct results, no stack
// overflow on deep nesting, and the time for each size printed (for reading, not asserted).
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/diagnostics.js';
import { buildModel } from '../../../src/asl/walker.js';
import { structureChecks } from '../../../src/validate/checks/structure.js';
import { largeMachine } from './large-machine.js';
import { runStructureChecks } from './corpus-helpers.js';

/** Best of three runs, so JIT warm-up and a busy machine do not dominate the printed number. */
function timed<T>(run: () => T): { result: T; ms: number } {
  let best = Infinity;
  let result!: T;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    result = run();
    best = Math.min(best, performance.now() - start);
  }
  return { result, ms: best };
}

describe('structure checks at scale', () => {
  it('find nothing wrong in a valid 20,000-state machine, and print how the time grows', () => {
    const times: string[] = [];
    for (const size of [5_000, 10_000, 20_000]) {
      const definition = largeMachine({ size });
      const model = timed(() => buildModel(definition));
      const checks = timed(() => {
        const findings: Finding[] = [];
        for (const check of structureChecks) check.run({ definition, model: model.result, report: (f) => findings.push(f) });
        return findings;
      });
      expect(checks.result).toEqual([]);
      times.push(`${size} states: checks ${checks.ms.toFixed(1)} ms (model ${model.ms.toFixed(1)} ms)`);
    }
    console.log(`structure checks: ${times.join(', ')}`);
  });

  it('report every state of a 10,000-state unreachable ring, one finding each', () => {
    const findings = runStructureChecks(largeMachine({ size: 20_000, unreachableRing: 10_000 }));
    expect(findings.filter((f) => f.code === 'unreachable-state')).toHaveLength(10_000);
  });

  it('walk a Choice rule nested 50,000 levels deep without overflowing the stack', () => {
    const findings = runStructureChecks(largeMachine({ size: 100, ruleDepth: 50_000 }));
    expect(findings).toEqual([]);
  });
});

describe('unknown-state at scale', () => {
  it('reports 10,000 broken references in a 20,000-state machine, each once', () => {
    const definition = largeMachine({ size: 20_000 });
    const states = definition.States as Record<string, Record<string, unknown>>;
    let broken = 0;
    for (const state of Object.values(states)) {
      if (state.Type === 'Pass') {
        state.Next = `Missing ${broken++}`;
      }
    }
    const findings = runStructureChecks(definition).filter((f) => f.code === 'unknown-state');
    expect(findings).toHaveLength(broken);
  });
});
