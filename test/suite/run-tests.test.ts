/**
 * The library side of `asl test`: runTests over hand-written suites, with coverage figures counted by hand
 * on a machine that has a Choice with three rules and a Default, a Catch, a Parallel, a Map and a loop.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runTests } from '../../src/suite/index.js';

const fixtures = fileURLToPath(new URL('../fixtures/suite/', import.meta.url));

describe('coverage on a hand-counted machine', async () => {
  const report = await runTests(['coverage/machine.asl-test.yaml'], { cwd: fixtures, coverage: true });
  const machine = report.coverage!.machines[0]!;

  it('runs every scenario', () => {
    expect(report.files[0]!.error).toBeUndefined();
    expect(report.files[0]!.scenarios.map((s) => [s.name, s.status, s.failures])).toEqual(report.files[0]!.scenarios.map((s) => [s.name, 'passed', []]));
  });

  it('counts 12 of 13 states: only C is never entered', () => {
    expect(machine.states).toEqual({ total: 13, covered: 12, missed: ['C'] });
  });

  it('counts 16 of 18 transitions: the rule to C and C → Done are never taken', () => {
    expect(machine.transitions.total).toBe(18);
    expect(machine.transitions.covered).toBe(16);
    expect(machine.transitions.missed).toEqual([
      { from: 'Route', to: 'C', kind: 'choice', index: 2 },
      { from: 'C', to: 'Done', kind: 'next' },
    ]);
  });

  it('counts hits: the loop, its rule and its default, each Map item, the retrier', () => {
    expect(machine.hits.states).toMatchObject({ Loop: 3, Again: 3, 'Each/Item': 2, 'Fan/0/P1': 1, 'Fan/1/P2': 1, Done: 4, Route: 4, A: 2 });
    const hit = (from: string, kind: string, index?: number) => machine.hits.transitions.find((t) => t.from === from && t.kind === kind && t.index === index)?.hits;
    expect(hit('Again', 'choice', 0)).toBe(2);
    expect(hit('Again', 'default')).toBe(1);
    expect(hit('A', 'catch', 0)).toBe(1);
    expect(hit('Route', 'default')).toBe(1);
    expect(hit('Each/Item', 'end')).toBe(2);
    expect(machine.retriers).toEqual({ total: 1, covered: 1, missed: [] });
  });

  it('puts each state at the line of its name', () => {
    expect(machine.lines.Route).toBe(5);
    expect(machine.lines['Each/Item']).toBeGreaterThan(machine.lines.Each!);
  });
});

describe('expectations', async () => {
  const passing = await runTests(['expectations/pass.asl-test.yaml'], { cwd: fixtures });
  const failing = await runTests(['expectations/fail.asl-test.yaml'], { cwd: fixtures });

  it('every kind can hold', () => {
    const scenarios = passing.files[0]!.scenarios;
    expect(scenarios.map((s) => `${s.status} ${s.name} ${s.failures.map((f) => f.message).join('; ')}`)).toEqual([
      'passed every expectation kind holds ',
      'passed errors and causes by string and by pattern ',
      'passed a caught error shows on the state ',
      'passed a mock config test case instead of stubs ',
      'passed one state on its own, as TestState runs it ',
      'skipped skipped with a reason ',
    ]);
    expect(scenarios[5]!.reason).toBe('waiting for the refund flow');
    expect(passing.summary).toMatchObject({ passed: 5, failed: 0, skipped: 1, errors: 0 });
  });

  it('every kind can fail, and each failure is reported', () => {
    const [scenario] = failing.files[0]!.scenarios;
    expect(scenario!.status).toBe('failed');
    expect(scenario!.failures.map((f) => f.expectation)).toEqual([
      'status', 'output', 'outputContains', 'error', 'cause', 'path', 'pathContains',
      'states.Charge.calls', 'states.Charge.retries', 'states.Charge.input', 'states.Charge.inputContains',
      'states.Charge.output', 'states.Charge.outputContains', 'states.Charge.error',
      'states.Declined.calls', 'states.Declined.output',
      'variables', 'variablesContain', 'maxTransitions', 'assert[0]', 'assert[1]',
    ]);
  });

  it('reports virtual time, billed transitions and their price', () => {
    const [first] = passing.files[0]!.scenarios;
    // One retry after IntervalSeconds 2; Charge, its retry, Check and Done.
    expect(first).toMatchObject({ virtualMs: 2000, transitions: 4 });
    expect(first!.priceUsd).toBeCloseTo(4 * 0.000025, 10);
  });

  it('an assertion failure says what each side evaluated to', () => {
    const failure = failing.files[0]!.scenarios[0]!.failures.find((f) => f.expectation === 'assert[0]');
    expect(failure!.message).toBe('output.total > 100 is false; output.total is 30, 100 is 100 (operator >)');
  });
});

describe('bad test files', async () => {
  const report = await runTests(['bad'], { cwd: fixtures });
  const byFile = Object.fromEntries(report.files.map((f) => [f.file.replace('bad/', ''), f]));

  it('each is reported with its place, and the good file beside them still runs', () => {
    expect(byFile['syntax.asl-test.yaml']!.error).toMatchObject({ place: { line: 5, column: 1 } });
    expect(byFile['syntax.asl-test.yaml']!.error!.message).toMatch(/^the test file does not parse as YAML/);
    expect(byFile['schema.asl-test.yaml']!.error).toEqual({ message: 'scenarios[0].expect.statuss: unexpected key "statuss" (see docs/test.md for the test file format)', place: { line: 5, column: 7 } });
    expect(byFile['missing-definition.asl-test.yaml']!.error!.message).toBe('definition ./nowhere.asl.json: no such file or directory (the path is relative to the test file)');
    expect(byFile['unknown-state.asl-test.yaml']!.error).toEqual({ message: 'expect.states names "Chrage" is not a state of the machine; did you mean "Charge"?', place: { line: 6, column: 9 } });
    expect(byFile['missing-stub.asl-test.yaml']!.scenarios[0]).toMatchObject({ status: 'error' });
    expect(byFile['missing-stub.asl-test.yaml']!.scenarios[0]!.reason).toMatch(/No stub answers invocation 0 of Task state "Charge"/);
    expect(byFile['good.asl-test.yaml']!.scenarios[0]).toMatchObject({ status: 'passed' });
    expect(report.summary).toMatchObject({ files: 6, passed: 1, errors: 5 });
  });
});

describe('selection', () => {
  it('grep runs only matching scenarios; bail stops after the first failure', async () => {
    const grep = await runTests(['expectations/pass.asl-test.yaml'], { cwd: fixtures, grep: /mock config/ });
    expect(grep.files[0]!.scenarios.map((s) => s.name)).toEqual(['a mock config test case instead of stubs']);
    const bail = await runTests(['expectations/fail.asl-test.yaml', 'expectations/pass.asl-test.yaml'], { cwd: fixtures, bail: true });
    expect(bail.files[1]!.scenarios.every((s) => s.status === 'skipped')).toBe(true);
    expect(bail.files[1]!.scenarios.filter((s) => s.reason!.includes('--bail'))).toHaveLength(5);
  });

  it('a path that names nothing is a problem, not a crash', async () => {
    const report = await runTests(['no/such/dir', 'none-*.asl-test.yaml'], { cwd: fixtures });
    expect(report.problems).toEqual(['no/such/dir: no such file or directory', 'none-*.asl-test.yaml: the pattern matches no test file (*.asl-test.yaml, *.asl-test.yml, *.asl-test.json)']);
  });
});

describe('stub results shaped like the service', () => {
  it('a lambda:invoke stub without Payload is a problem at its place (as asl run --validate-stubs), unless validateStubs: none', async () => {
    const { mkdtempSync, writeFileSync, copyFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'asl-test-shapes-'));
    copyFileSync(join(fixtures, 'expectations/machine.asl.json'), join(dir, 'machine.asl.json'));
    const suite = (extra: string) =>
      `definition: ./machine.asl.json\n${extra}scenarios:\n  - name: approved without the Payload wrapper\n    input: { total: 1 }\n    stubs:\n      states:\n        Charge: { result: { approved: true } }\n`;
    writeFileSync(join(dir, 'bad.asl-test.yaml'), suite(''));
    writeFileSync(join(dir, 'off.asl-test.yaml'), suite('validateStubs: none\n'));
    const report = await runTests(['.'], { cwd: dir });
    const bad = report.files.find((f) => f.file === 'bad.asl-test.yaml')!;
    expect(bad.scenarios[0]).toMatchObject({ status: 'error' });
    expect(bad.scenarios[0]!.reason).toMatch(/^bad\.asl-test\.yaml:7:\d+: .*lambda:invoke response has no field "approved".*validateStubs present/);
    const off = report.files.find((f) => f.file === 'off.asl-test.yaml')!;
    expect(off.scenarios[0]!.status).not.toBe('error');
  });
});

describe('scenario keys', () => {
  it('now, seed and context reach the execution as asl run --now, --seed and --context do', async () => {
    const report = await runTests(['keys/keys.asl-test.yaml'], { cwd: fixtures });
    expect(report.files[0]!.scenarios.map((s) => [s.name, s.status, s.failures])).toEqual([
      ['now sets the start time', 'passed', []],
      ['seed changes the random draws and ids', 'passed', []],
      ['context overrides context object fields', 'passed', []],
    ]);
  });

  it('only: the scenarios marked only run, every other one in the run is skipped', async () => {
    const report = await runTests(['keys'], { cwd: fixtures });
    const all = report.files.flatMap((f) => f.scenarios.map((s) => [s.name, s.status]));
    expect(all).toEqual([
      ['now sets the start time', 'skipped'],
      ['seed changes the random draws and ids', 'skipped'],
      ['context overrides context object fields', 'skipped'],
      ['not marked', 'skipped'],
      ['marked only', 'passed'],
    ]);
  });
});
