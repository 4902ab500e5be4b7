/**
 * `asl test` through the command line as a user runs it: exit codes, every report format (JUnit checked
 * against a JUnit schema by libxml2, lcov read by an lcov parser), the exact pretty failure report as a
 * golden file, --update, and refusing to write a report over a file the run reads.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { runCli } from '../cli/run-cli.js';
import { expectGolden } from '../report/golden.js';

const fixtures = fileURLToPath(new URL('../fixtures/suite/', import.meta.url));
const golden = (name: string) => fileURLToPath(new URL(`../fixtures/suite/golden/${name}`, import.meta.url));
const run = (argv: string[], cwd = fixtures) => runCli(['test', ...argv], { cwd });
/** The run's wall time is the one thing that changes between runs. */
const stable = (text: string) => text.replace(/\(\d+ files?, \d+\.\d+s\)/g, '(N files, T)').replace(/time="[\d.]+"/g, 'time="T"');

describe('asl test exit codes', () => {
  it('0 when every scenario passes (skipped ones allowed)', async () => {
    const r = await run(['expectations/pass.asl-test.yaml']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('5 passed, 0 failed, 1 skipped');
  });
  it('1 when a scenario fails', async () => {
    expect((await run(['expectations/fail.asl-test.yaml'])).code).toBe(1);
  });
  it('2 for a bad test file, while the other files still run and are reported', async () => {
    const r = await run(['bad']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('✓ still runs beside the broken files');
    expect(r.stdout).toContain('bad/unknown-state.asl-test.yaml:6:9: expect.states names "Chrage" is not a state of the machine; did you mean "Charge"?');
  });
  it('2 for a path that names nothing, and for a directory without test files', async () => {
    const missing = await run(['nowhere']);
    expect([missing.code, missing.stderr]).toEqual([2, 'asl: nowhere: no such file or directory\n']);
    const empty = await run(['run'], join(fixtures, '..'));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no test files \(\*\.asl-test\.yaml, \*\.asl-test\.yml, \*\.asl-test\.json\) found/);
  });
  it('1 below a coverage threshold, 0 at it', async () => {
    const below = await run(['coverage', '--coverage-threshold', 'states=100']);
    expect(below.code).toBe(1);
    expect(below.stderr).toContain('coverage/machine.asl.json: states 92.3% is below the threshold of 100%');
    expect((await run(['coverage', '--coverage-threshold', 'states=92,transitions=88'])).code).toBe(0);
    const bad = await run(['coverage', '--coverage-threshold', 'lines=90']);
    expect(bad.code).toBe(2);
  });
});

describe('asl test reports', () => {
  it('pretty: the failure report, exactly', async () => {
    const r = await run(['expectations/fail.asl-test.yaml', '--no-color']);
    expectGolden(stable(r.stdout), golden('fail.pretty.txt'));
  });
  it('pretty with --coverage: the table names what was never reached', async () => {
    const r = await run(['coverage', '--coverage', '--no-color']);
    expect(r.stdout).toContain('coverage/machine.asl.json  92.3% (12/13)  88.9% (16/18)');
    expect(r.stdout).toContain('states never entered: C');
    expect(r.stdout).toContain('transitions never taken: Route → C (choice 2), C → Done (next)');
  });
  it('junit validates against the JUnit schema, with a case per scenario named by it', async () => {
    const r = await run(['expectations', 'bad', '--format', 'junit']);
    const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: r.stdout }], schema: [readFileSync(join(fixtures, 'junit.xsd'), 'utf8')] });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(r.stdout).toContain('<testcase name="every expectation kind fails" classname="expectations/fail.asl-test.yaml"');
    expect(r.stdout).toContain('<skipped message="waiting for the refund flow" />');
    expect(r.stdout).toMatch(/<error message="expect.states names &quot;Chrage&quot;/);
  });
  it('tap: a test point per scenario, SKIP directives, YAML diagnostics', async () => {
    const r = await run(['expectations/pass.asl-test.yaml', 'expectations/fail.asl-test.yaml', '--format', 'tap']);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['TAP version 14', '1..7']);
    expect(lines).toContain('ok 6 - expectations/pass.asl-test.yaml > skipped with a reason # SKIP waiting for the refund flow');
    expect(lines).toContain('not ok 7 - expectations/fail.asl-test.yaml > every expectation kind fails');
    expect(lines).toContain('  at: "expectations/fail.asl-test.yaml:3:5"');
  });
  it('github: an annotation at the scenario line of each failure', async () => {
    const r = await run(['expectations/fail.asl-test.yaml', '--format', 'github']);
    expect(r.stdout.split('\n')[0]).toMatch(/^::error file=expectations\/fail\.asl-test\.yaml,line=3,col=5,title=asl test%3A every expectation kind fails::expect\.status: expected status FAILED, got SUCCEEDED%0A/);
  });
  it('json: the runTests structure, with transitions and their price per scenario', async () => {
    const r = await run(['expectations/pass.asl-test.yaml', '--format', 'json']);
    const report = JSON.parse(r.stdout) as { files: Array<{ scenarios: Array<{ transitions: number; priceUsd: number }> }>; summary: { passed: number } };
    expect(report.summary.passed).toBe(5);
    expect(report.files[0]!.scenarios[0]).toMatchObject({ transitions: 4, priceUsd: 0.0001 });
  });
  it('--coverage-report FILE.lcov is read by an lcov parser: a state a line, a transition a branch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-test-lcov-'));
    const out = join(dir, 'asl.lcov');
    expect((await run(['coverage', '--coverage-report', out])).code).toBe(0);
    const parse = createRequire(import.meta.url)('lcov-parse') as (text: string, done: (err: unknown, data: Array<{ file: string; lines: { found: number; hit: number; details: Array<{ line: number; hit: number }> }; branches: { found: number; hit: number } }>) => void) => void;
    const records = await new Promise<Parameters<Parameters<typeof parse>[1]>[1]>((done, fail) => parse(readFileSync(out, 'utf8'), (err, data) => (err ? fail(new Error(String(err))) : done(data))));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ file: 'coverage/machine.asl.json', lines: { found: 13, hit: 12 }, branches: { found: 18, hit: 16 } });
    expect(records[0]!.lines.details).toContainEqual({ line: 5, hit: 4 });
  });
  it('--coverage-report FILE.json writes the documented shape', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-test-cov-'));
    const out = join(dir, 'coverage.json');
    await run(['coverage', '--coverage-report', out]);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { machines: Array<Record<string, unknown>> };
    expect(report.machines[0]).toMatchObject({ file: 'coverage/machine.asl.json', states: { total: 13, covered: 12, missed: ['C'] }, transitions: { total: 18, covered: 16 } });
  });
});

describe('asl test writes nothing it should not', () => {
  it('refuses --output over a test file or a definition, also through a symlink, and leaves it as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-test-out-'));
    cpSync(join(fixtures, 'expectations'), dir, { recursive: true });
    const before = readFileSync(join(dir, 'pass.asl-test.yaml'), 'utf8');
    symlinkSync(join(dir, 'machine.asl.json'), join(dir, 'link.json'));
    for (const target of ['pass.asl-test.yaml', 'link.json']) {
      const r = await run(['pass.asl-test.yaml', '--format', 'junit', '--output', target], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/writing the report there would replace it/);
    }
    expect(readFileSync(join(dir, 'pass.asl-test.yaml'), 'utf8')).toBe(before);
  });
  it('--update writes the actual output into scenarios without one, and changes no expectation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-test-update-'));
    cpSync(join(fixtures, 'expectations'), dir, { recursive: true });
    writeFileSync(
      join(dir, 'update.asl-test.yaml'),
      [
        'definition: ./machine.asl.json',
        'scenarios:',
        '  # a comment that must survive',
        '  - name: no output expectation yet',
        '    input: { total: 7 }',
        '    stubs: { states: { Charge: { result: { Payload: { approved: true } } } } }',
        '    expect: { status: SUCCEEDED }',
        '  - name: has one already',
        '    input: { total: 8 }',
        '    stubs: { states: { Charge: { result: { Payload: { approved: true } } } } }',
        '    expect: { status: SUCCEEDED, output: { wrong: true } }',
        '',
      ].join('\n'),
    );
    const r = await run(['update.asl-test.yaml', '--update'], dir);
    expect(r.stderr).toBe('asl: --update wrote expect.output into update.asl-test.yaml for: no output expectation yet\n');
    const text = readFileSync(join(dir, 'update.asl-test.yaml'), 'utf8');
    expect(text).toContain('# a comment that must survive');
    expect(text).toContain('output: { wrong: true }');
    const again = await run(['update.asl-test.yaml', '--grep', 'yet'], dir);
    expect(again.code, again.stdout).toBe(0);
  });
});

describe('asl test --jobs', () => {
  it('runs scenarios on worker threads with the same results and coverage as one thread', async () => {
    const { spawnCli } = await import('../cli/run-cli.js');
    const dir = mkdtempSync(join(tmpdir(), 'asl-test-jobs-'));
    cpSync(join(fixtures, 'coverage'), dir, { recursive: true });
    const base = readFileSync(join(dir, 'machine.asl-test.yaml'), 'utf8');
    const [head, body] = base.split('scenarios:\n') as [string, string];
    const copies = Array.from({ length: 10 }, (_, i) => body.replace(/- name: (.*)/g, `- name: $1 (copy ${i})`)).join('');
    writeFileSync(join(dir, 'machine.asl-test.yaml'), `${head}scenarios:\n${copies}`);
    const strip = (text: string) => {
      const report = JSON.parse(text) as { files: Array<{ scenarios: Array<Record<string, unknown>> }>; summary: Record<string, unknown> };
      for (const file of report.files) for (const s of file.scenarios) delete s.durationMs;
      delete report.summary.durationMs;
      delete report.summary.workers;
      return report;
    };
    const one = spawnCli(['test', '--format', 'json', '--coverage', '--jobs', '1'], { cwd: dir });
    const two = spawnCli(['test', '--format', 'json', '--coverage', '--jobs', '2'], { cwd: dir, env: { ASL_TEST_WORKERS: 'always' } });
    expect(two.code, two.stderr).toBe(0);
    expect(strip(two.stdout)).toEqual(strip(one.stdout));
    expect(JSON.parse(two.stdout).summary).toMatchObject({ passed: 40, workers: 2 });
    expect(JSON.parse(one.stdout).summary).toMatchObject({ passed: 40, workers: 0 });
    // Without being told, a suite this quick stays in one thread: workers would cost more than they save.
    expect(JSON.parse(spawnCli(['test', '--format', 'json', '--jobs', '2'], { cwd: dir }).stdout).summary).toMatchObject({ workers: 0 });
    expect(spawnCli(['test', '--jobs', '0'], { cwd: dir }).code).toBe(2);
  });
});

describe('asl test on a terminal', () => {
  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!hasScript)('shows progress while a long suite runs, then the report; piped, no escape codes', async () => {
    const { repoRoot } = await import('../cli/run-cli.js');
    const dir = mkdtempSync(join(tmpdir(), 'asl-test-tty-'));
    cpSync(join(fixtures, 'expectations'), dir, { recursive: true });
    // The loop state runs 2,000 times a scenario, so 30 scenarios take long enough to draw progress.
    writeFileSync(join(dir, 'loop.asl.json'), JSON.stringify({ StartAt: 'Step', States: { Step: { Type: 'Pass', Parameters: { 'i.$': 'States.MathAdd($.i, 1)' }, Next: 'More?' }, 'More?': { Type: 'Choice', Choices: [{ Variable: '$.i', NumericLessThan: 2000, Next: 'Step' }], Default: 'Done' }, Done: { Type: 'Succeed' } } }));
    const scenarios = Array.from({ length: 30 }, (_, i) => `  - name: loop ${i}\n    input: { i: 0 }\n    expect: { status: SUCCEEDED, output: { i: 2000 } }\n`).join('');
    writeFileSync(join(dir, 'loop.asl-test.yaml'), `definition: ./loop.asl.json\nscenarios:\n${scenarios}`);
    const env = { ...process.env, TERM: 'xterm' } as NodeJS.ProcessEnv;
    for (const key of ['CI', 'PRE_COMMIT', 'NO_COLOR', 'FORCE_COLOR']) delete env[key];
    const tty = spawnSync('script', ['-qec', `exec "${process.execPath}" "${join(repoRoot, 'bin/asl.js')}" test loop.asl-test.yaml --jobs 1`, '/dev/null'], { cwd: dir, encoding: 'utf8', env });
    expect(tty.stdout).toMatch(/running · \d+ scenarios? done/);
    expect(tty.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toContain('30 passed, 0 failed');
    const piped = spawnSync(process.execPath, [join(repoRoot, 'bin/asl.js'), 'test', 'loop.asl-test.yaml', '--jobs', '1'], { cwd: dir, encoding: 'utf8', env });
    expect(piped.stdout).not.toMatch(/\u001b|running ·/);
    expect(piped.stdout).toContain('30 passed, 0 failed');
  }, 60_000);

  /**
   * A looping machine and the given test files in a scratch folder, `asl test FILES --jobs 1` started under a
   * pseudo-terminal; `interrupt` sends SIGINT to the node process (found by the first file's name).
   */
  async function onTerminal(files: Record<string, string>) {
    const { spawn } = await import('node:child_process');
    const { repoRoot } = await import('../cli/run-cli.js');
    const dir = mkdtempSync(join(tmpdir(), 'asl-test-int-'));
    writeFileSync(join(dir, 'loop.asl.json'), JSON.stringify({ StartAt: 'Step', States: { Step: { Type: 'Pass', Parameters: { 'i.$': 'States.MathAdd($.i, 1)' }, Next: 'More?' }, 'More?': { Type: 'Choice', Choices: [{ Variable: '$.i', NumericLessThan: 5000, Next: 'Step' }], Default: 'Done' }, Done: { Type: 'Succeed' } } }));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const env = { ...process.env, TERM: 'xterm' } as NodeJS.ProcessEnv;
    for (const key of ['CI', 'PRE_COMMIT', 'NO_COLOR', 'FORCE_COLOR']) delete env[key];
    const names = Object.keys(files);
    const child = spawn('script', ['-qec', `"${process.execPath}" "${join(repoRoot, 'bin/asl.js')}" test ${names.join(' ')} --jobs 1; echo "EXIT=$?"`, '/dev/null'], { cwd: dir, env });
    const run = { out: '', closed: new Promise((done) => child.on('close', done)) };
    child.stdout.on('data', (d: Buffer) => (run.out += d.toString()));
    const until = async (seen: () => boolean) => {
      for (let i = 0; i < 200 && !seen(); i++) await new Promise((r) => setTimeout(r, 50));
    };
    const interrupt = () => spawnSync('pkill', ['-INT', '-f', `^${process.execPath} .*test ${names[0]!.replaceAll('.', '\\.')}`]);
    return { run, until, interrupt };
  }

  const longSuite = () => `definition: ./loop.asl.json\nscenarios:\n${Array.from({ length: 2000 }, (_, i) => `  - name: loop ${i}\n    input: { i: 0 }\n`).join('')}`;

  it.skipIf(!hasScript)('Ctrl-C in the middle stops at once: the progress line cleared, a one-line note, exit 130', async () => {
    const { run, until, interrupt } = await onTerminal({ 'interrupted.asl-test.yaml': longSuite() });
    await until(() => /running · \d+ scenarios done/.test(run.out));
    interrupt();
    const started = performance.now();
    await run.closed;
    expect(performance.now() - started).toBeLessThan(2000);
    expect(run.out).toMatch(/\u001b\[2Kasl: interrupted by SIGINT after \d+ scenarios/);
    expect(run.out).toContain('EXIT=130');
  }, 60_000);

  it.skipIf(!hasScript)('Ctrl-C after the first file has finished still clears the progress line and says so', async () => {
    const { run, until, interrupt } = await onTerminal({
      'first.asl-test.yaml': 'definition: ./loop.asl.json\nscenarios:\n  - name: quick\n    input: { i: 4999 }\n',
      'second.asl-test.yaml': longSuite(),
    });
    const secondRunning = () => run.out.includes('first.asl-test.yaml') && /first\.asl-test\.yaml[\s\S]*running · \d+ scenarios done/.test(run.out);
    await until(secondRunning);
    expect(secondRunning(), run.out).toBe(true);
    interrupt();
    await run.closed;
    expect(run.out).toMatch(/\u001b\[2Kasl: interrupted by SIGINT after \d+ scenarios/);
    expect(run.out).toContain('EXIT=130');
  }, 60_000);
});
