// `npm run fuzz [-- --runs N] [-- --seed S]`: the agreement properties of test/property/ on 100,000 generated
// machines (and paths) with a fresh seed (printed, so a failure can be replayed). fast-check prints a failing case shrunk.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '100000' }, seed: { type: 'string' } } });
const seed = values.seed ?? String(Date.now() % 2 ** 31);
console.log(`fuzz: ${values.runs} machines, seed ${seed} (replay with: npm run fuzz -- --seed ${seed})`);
const result = spawnSync('npx', ['vitest', 'run', 'test/property/agreement.test.ts', 'test/property/filter-grammar.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: values.runs, FUZZ_SEED: seed },
});
process.exit(result.status ?? 1);
