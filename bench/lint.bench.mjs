// asl lint against asl validate on the same inputs and Node: the budget is lint ≤ 1.5× validate.
// (a) 200 real-world files in one process (what CI pays), (b) one generated definition of 20,000 states
// that assigns and reads a variable in every state (the variable rules' dataflow at scale).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aslBin, corpusDir, fmtMs, interleavedMedians, sampleFiles } from './lib.mjs';

const node = process.execPath;
const anyExit = { expectExit: [0, 1] };
const budget = 1.5;

export default async function lintBench() {
  const rows = [];
  const files = sampleFiles(200, ['broken']);
  const many = interleavedMedians(
    {
      validate: [node, [aslBin, 'validate', '--format', 'json', ...files], anyExit],
      lint: [node, [aslBin, 'lint', '--format', 'json', ...files], anyExit],
    },
    { runs: 11 },
  );
  rows.push(row(`${files.length} files, one process`, many));

  const dir = mkdtempSync(join(tmpdir(), 'asl-lint-bench-'));
  try {
    const file = writeGenerated(dir, 20000);
    const big = interleavedMedians(
      {
        validate: [node, [aslBin, 'validate', '--format', 'json', file], anyExit],
        lint: [node, [aslBin, 'lint', '--format', 'json', file], anyExit],
      },
      { runs: 7 },
    );
    rows.push(row('generated, 20,000 states with variables', big));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    title: 'lint: asl lint vs asl validate (same files)',
    rows,
    notes: [
      `Files for (a): ${corpusDir() ? 'the first 200 *.asl.json of the shared real-world corpus' : 'examples/ and test/fixtures/'}; medians of 11 / 7 runs, validate and lint interleaved run by run; "peer" is asl validate.`,
    ],
  };
}

function row(label, { validate, lint }) {
  const ratio = lint / validate;
  return { case: label, ours: fmtMs(lint), peer: fmtMs(validate), ratio: `${ratio.toFixed(2)}× validate`, target: `≤ ${budget}× validate`, ok: ratio <= budget };
}

/**
 * A chain of n states that follows the practices, so the time goes to checking rather than to reporting: Pass and
 * Wait states in turn, each assigning a variable and reading the one before it, with a Choice (with Default) every 50;
 * the last state reads the last variable. Lint reports nothing on it.
 */
function writeGenerated(dir, n) {
  const states = {};
  for (let i = 0; i < n; i++) {
    const name = `Step${i}`;
    const next = `Step${i + 1}`;
    const reads = i % 50 === 0 ? {} : { 'previous.$': `$v${i - 1}` };
    if (i === n - 1) states[name] = { Type: 'Wait', SecondsPath: `$v${i - 1}`, End: true };
    else if (i % 50 === 49) states[name] = { Type: 'Choice', Choices: [{ Variable: `$v${i - 1}`, NumericGreaterThan: i, Next: next }], Default: next };
    else if (i % 2 === 0) states[name] = { Type: 'Pass', Assign: { [`v${i}`]: i }, Parameters: reads, ResultPath: `$.step${i % 7}`, Next: next };
    else states[name] = { Type: 'Wait', Seconds: 1, Assign: { [`v${i}.$`]: `$v${i - 1}` }, Next: next };
  }
  const file = join(dir, `generated-${n}.asl.json`);
  writeFileSync(file, JSON.stringify({ Comment: `${n} generated states`, StartAt: 'Step0', States: states }, null, 2));
  return file;
}
