// asl graph: a generated machine of 2,000 states (Tasks with Retry and Catch, Choices, Waits, Parallels
// with nested branches) must draw in under a second as Mermaid and as DOT, in-process and from the CLI.
// Also shows how time grows with size, so a quadratic step would stand out.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { aslBin, fmtMs, median, medianSpawn, repoRoot } from './lib.mjs';

/** A machine of about `n` states: every 10th a Choice, every 7th a Wait, every 50th a Parallel of two 3-state branches. */
export function generateMachine(n) {
  const states = {};
  let count = 0;
  const name = (i) => `Step ${i} "quoted" & <escaped>`;
  for (let i = 0; count < n; i++) {
    const next = name(i + 1);
    const last = count >= n - 1;
    let state;
    if (i % 50 === 49) {
      const branch = (b) => ({
        StartAt: `B${i}.${b}.0`,
        States: {
          [`B${i}.${b}.0`]: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: `B${i}.${b}.1` },
          [`B${i}.${b}.1`]: { Type: 'Pass', Next: `B${i}.${b}.2` },
          [`B${i}.${b}.2`]: { Type: 'Succeed' },
        },
      });
      state = { Type: 'Parallel', Branches: [branch(0), branch(1)] };
      count += 6;
    } else if (i % 10 === 9) {
      state = {
        Type: 'Choice',
        Choices: [
          { Variable: '$.total', NumericGreaterThan: i, Next: next },
          { And: [{ Variable: '$.status', StringEquals: 'rush' }, { Not: { Variable: '$.paid', BooleanEquals: true } }], Next: 'Failed' },
        ],
      };
    } else if (i % 7 === 6) {
      state = { Type: 'Wait', Seconds: 5 };
    } else {
      state = {
        Type: 'Task',
        Resource: 'arn:aws:states:::aws-sdk:dynamodb:putItem',
        Retry: [{ ErrorEquals: ['States.TaskFailed', 'States.Timeout'], MaxAttempts: 6 }],
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }],
      };
    }
    if (state.Type === 'Choice') state.Default = last ? 'Failed' : next;
    else if (last) state.End = true;
    else state.Next = next;
    states[name(i)] = state;
    count++;
    if (last) break;
  }
  states.Failed = { Type: 'Fail', Error: 'Failed' };
  return { StartAt: name(0), States: states };
}

function timeInProcess(fn, runs) {
  fn(); // warm-up: JIT and module initialisation
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

export default async function graphBench() {
  const { graph } = await import(pathToFileURL(join(repoRoot, 'dist', 'graph', 'index.js')).href);
  const rows = [];
  const perState = [];
  for (const n of [500, 2000, 8000]) {
    const machine = generateMachine(n);
    for (const format of ['mermaid', 'dot']) {
      const ms = timeInProcess(() => graph(machine, { format }), 5);
      if (format === 'mermaid') perState.push(ms / n);
      rows.push({
        case: `${format}, ${n.toLocaleString('en')} states, in-process`,
        ours: fmtMs(ms),
        ...(n === 2000 ? { target: '< 1 s', ok: ms < 1000 } : {}),
      });
    }
  }
  // Cost per state at 8,000 states over cost per state at 500: about 1 when linear (below 1 when fixed costs
  // dominate the small case), 16 if quadratic.
  const growth = perState[perState.length - 1] / Math.max(1e-6, perState[0]);
  rows.push({ case: 'growth (cost per state, 8,000 vs 500 states, mermaid)', ours: growth.toFixed(2), target: '≤ 3 (linear)', ok: growth <= 3 });

  // From the command line: what a user pays, cold start included.
  const dir = mkdtempSync(join(tmpdir(), 'asl-graph-bench-'));
  try {
    const file = join(dir, 'generated.asl.json');
    writeFileSync(file, JSON.stringify(generateMachine(2000), null, 2));
    for (const format of ['mermaid', 'dot']) {
      const ms = medianSpawn(process.execPath, [aslBin, 'graph', file, '--format', format], { runs: 5, expectExit: [0] });
      rows.push({ case: `asl graph --format ${format}, 2,000 states, cold start`, ours: fmtMs(ms), target: '< 1 s', ok: ms < 1000 });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { title: 'asl graph', rows, notes: ['In-process times are medians of 5 runs after a warm-up; CLI times are medians of 5 spawns.'] };
}
