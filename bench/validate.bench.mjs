// asl validate against asl-validator (npm, pinned in bench/package.json) on the same files and Node.
// (a) one file from a cold start, (b) 200 real-world files in one process, (c) a generated definition
// of 20,000 states, and how time grows with size.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aslBin, benchDir, corpusDir, fmtMs, interleavedMedians, medianSpawn, sampleFiles } from './lib.mjs';

const node = process.execPath;
const peerCli = join(benchDir, 'node_modules', 'asl-validator', 'dist', 'bin', 'asl-validator.js');
const anyExit = { expectExit: [0, 1] };

export default async function validateBench() {
  const rows = [];
  const notes = [];

  // (a) Cold start on the example: what a pre-commit hook pays per run.
  const example = 'examples/order-processing.asl.json';
  const { bare, ours, peer } = interleavedMedians(
    {
      bare: [node, ['-e', '0']],
      ours: [node, [aslBin, 'validate', example], anyExit],
      peer: [node, [peerCli, '--json-path', example], anyExit],
    },
    { runs: 21 },
  );
  rows.push({ case: 'bare `node -e 0`', ours: fmtMs(bare) });
  rows.push({ case: 'one file, cold start', ours: fmtMs(ours), peer: fmtMs(peer), ratio: `${(peer / ours).toFixed(1)}× faster`, target: '≥ 3× faster', ok: peer / ours >= 3 });
  rows.push({ case: 'one file vs bare node', ours: `${(ours / bare).toFixed(2)}× node`, target: '≤ ~2× node', ok: ours / bare <= 2.2 });

  // (b) Many real files in one process: what CI pays on a repository.
  const files = sampleFiles(200);
  const { ours: oursMany, peer: peerMany } = interleavedMedians(
    {
      ours: [node, [aslBin, 'validate', '--format', 'json', ...files], anyExit],
      peer: [node, [peerCli, ...files.flatMap((f) => ['--json-path', f])], anyExit],
    },
    { runs: 3 },
  );
  rows.push({
    case: `${files.length} files, one process`,
    ours: fmtMs(oursMany),
    peer: fmtMs(peerMany),
    ratio: `${(peerMany / oursMany).toFixed(1)}× faster`,
    target: '≥ 20× faster',
    ok: peerMany / oursMany >= 20,
  });

  // (c) Size: one generated definition, and whether time grows linearly.
  const dir = mkdtempSync(join(tmpdir(), 'asl-bench-'));
  try {
    const startup = medianSpawn(node, [aslBin, 'validate', writeGenerated(dir, 2)], { runs: 5, ...anyExit });
    const perThousand = [];
    for (const n of [2000, 5000, 10000, 20000]) {
      const ms = medianSpawn(node, [aslBin, 'validate', writeGenerated(dir, n)], { runs: 3, ...anyExit });
      perThousand.push(((ms - startup) / n) * 1000);
      rows.push({
        case: `generated, ${n.toLocaleString('en')} states`,
        ours: fmtMs(ms),
        ratio: `${perThousand.at(-1).toFixed(1)} ms / 1k states`,
        ...(n === 20000 ? { target: '< 2 s', ok: ms < 2000 } : {}),
      });
    }
    // Linear means the cost of one more state does not grow with size. Small sizes cost more per state
    // (warm-up is spread over fewer states), so compare the largest size with the smallest and with the
    // cheapest: only growth towards the large end is a problem.
    const growth = perThousand.at(-1) / Math.max(0.01, Math.min(...perThousand));
    rows.push({ case: 'per-state cost, 20k vs cheapest size', ours: `${growth.toFixed(2)}×`, target: '≤ 1.5× (linear)', ok: growth <= 1.5 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  notes.push(`Files for (b): ${corpusDir() ? 'the first 200 *.asl.json of the shared real-world corpus' : 'examples/ and test/fixtures/'}; medians of 21 / 3 / 3 runs, contenders interleaved run by run.`);
  return { title: 'validate: asl-toolkit vs asl-validator', rows, notes };
}

/** A chain of n states: Pass states, with a Choice every 50 and a Succeed at the end. */
function writeGenerated(dir, n) {
  const states = {};
  for (let i = 0; i < n; i++) {
    const name = `Step${i}`;
    const next = `Step${i + 1}`;
    if (i === n - 1) states[name] = { Type: 'Succeed' };
    else if (i % 50 === 49) {
      states[name] = { Type: 'Choice', Choices: [{ Variable: '$.count', NumericGreaterThan: i, Next: next }], Default: next };
    } else states[name] = { Type: 'Pass', Result: { step: i }, ResultPath: `$.step${i % 7}`, Next: next };
  }
  const file = join(dir, `generated-${n}.asl.json`);
  writeFileSync(file, JSON.stringify({ Comment: `${n} generated states`, StartAt: 'Step0', States: states }, null, 2));
  return file;
}
