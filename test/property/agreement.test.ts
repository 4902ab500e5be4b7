/**
 * Validate and run agree, shown on generated machines (definitions.ts) rather than case by case: a fixed
 * seed and a few thousand cases here; `npm run fuzz` sweeps 100,000 with a fresh seed (FUZZ_RUNS, FUZZ_SEED).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAgreement, type Outcome, type Tasks } from './agreement.js';
import { definition, input } from './definitions.js';

const runs = Number(process.env.FUZZ_RUNS ?? 4000);
const seed = process.env.FUZZ_SEED === undefined ? 20261207 : Number(process.env.FUZZ_SEED);

describe('validate and run agree on generated machines', () => {
  it(`holds for ${runs} machines`, { timeout: Math.max(60_000, runs * 100) }, async () => {
    const seen: Record<Outcome, number> = { refused: 0, SUCCEEDED: 0, FAILED: 0, setup: 0 };
    await fc.assert(
      fc.asyncProperty(definition, input, fc.constantFrom<Tasks>('answered', 'answered', 'flaky', 'unanswered'), async (machine, data, tasks) => {
        seen[await checkAgreement(machine, data, tasks)]++;
      }),
      // A case that takes seconds is a failure too: run must end within its event guard, and soon.
      { numRuns: runs, seed, timeout: 10_000 },
    );
    if (process.env.FUZZ_RUNS) console.log(`seed ${seed}: ${JSON.stringify(seen)}`);
    // The sample must exercise both sides: machines validate refuses and machines run takes to the end.
    expect(seen.SUCCEEDED).toBeGreaterThan(runs / 10);
    expect(seen.refused).toBeGreaterThan(runs / 20);
    expect(seen.setup).toBeGreaterThan(0);
  });
});
