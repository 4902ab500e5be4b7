import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { configForFile, globMatches, isIgnored, parseConfig } from '../../src/lint/config.js';
import { lintDefinition, rules } from '../../src/lint/index.js';
import schema from '../../schemas/aslrc.schema.json' with { type: 'json' };
import { machine } from './rule-tester.js';

const fixtures = fileURLToPath(new URL('../fixtures/lint/', import.meta.url));

describe('config globs', () => {
  it.each([
    ['legacy/', 'legacy/a/b.asl.json', true],
    ['legacy/', 'src/legacy/b.asl.json', true],
    ['/legacy/', 'src/legacy/b.asl.json', false],
    ['/legacy/', 'legacy/b.asl.json', true],
    ['*.asl.json', 'deep/down/x.asl.json', true],
    ['express/*.asl.json', 'express/x.asl.json', true],
    ['express/*.asl.json', 'express/sub/x.asl.json', false],
    ['**/strict-*.asl.json', 'strict-a.asl.json', true],
    ['**/strict-*.asl.json', 'a/b/strict-a.asl.json', true],
    ['src/**/*.{json,yaml}', 'src/a/b/c.yaml', true],
    ['/top.json', 'top.json', true],
    ['/top.json', 'sub/top.json', false],
    ['file?.json', 'file1.json', true],
    ['file[0-9].json', 'fileA.json', false],
    ['file[!0-9].json', 'fileA.json', true],
    ['*.asl.json', 'sub/.hidden.asl.json', true],
    ['.generated/', 'a/.generated/x.asl.json', true],
    ['{a,b}/*.json', 'b/x.json', true],
  ])('%s against %s → %s', (glob, path, expected) => {
    expect(globMatches(glob, path)).toBe(expected);
  });
});

describe('config resolution', () => {
  const config = parseConfig(
    {
      rules: { 'task-timeout': 'info' },
      ignore: ['vendor/'],
      overrides: [
        { files: 'express/**', workflowType: 'express', rules: { 'task-retry': 'off' } },
        { files: ['express/strict/*.json'], rules: { 'task-timeout': ['error'] } },
      ],
    },
    'test',
    { baseDir: '/repo' },
  );
  it('applies matching overrides in order over the top level', () => {
    expect(configForFile(config, '/repo/express/strict/a.json')).toMatchObject({ workflowType: 'express', rules: { 'task-timeout': { severity: 'error' }, 'task-retry': { severity: 'off' } } });
    expect(configForFile(config, '/repo/standard/a.json')).toMatchObject({ rules: { 'task-timeout': { severity: 'info' } } });
    expect(configForFile(config, '/repo/standard/a.json')!.workflowType).toBeUndefined();
  });
  it('ignores files under the ignore globs only, relative to the config folder', () => {
    expect(isIgnored(config, '/repo/vendor/x.asl.json')).toBe(true);
    expect(isIgnored(config, '/repo/src/x.asl.json')).toBe(false);
    expect(isIgnored(config, '/elsewhere/vendor/x.asl.json')).toBe(false);
  });
  it('rejects unknown settings, bad severities and unknown rules with did-you-mean', () => {
    expect(() => parseConfig({ rule: {} }, 'cfg')).toThrow(/unknown setting "rule"; did you mean "rules"/);
    expect(() => parseConfig({ rules: { 'task-timeout': 'warn' } }, 'cfg')).toThrow(/rule "task-timeout" must be "off", "info", "warning" or "error"/);
    expect(() => parseConfig({ rules: { 'catch-mising': 'off' } }, 'cfg')).toThrow(/unknown rule "catch-mising"; did you mean "catch-missing"/);
    expect(() => parseConfig({ overrides: [{ rules: {} }] }, 'cfg')).toThrow(/needs "files"/);
    expect(() => parseConfig({ workflowType: 'EXPRESS' }, 'cfg')).toThrow(/"standard" or "express"/);
    expect(() => parseConfig([], 'cfg')).toThrow(/must be an object/);
    expect(() => parseConfig({ ignore: [''] }, 'cfg')).toThrow(/"ignore.0" must not be an empty string/);
  });
  it("validates options against the rule's options schema", () => {
    expect(parseConfig({ rules: { 'retry-max-delay': ['warning', { maxSeconds: 600 }] } }, 'cfg').rules['retry-max-delay']).toEqual({ severity: 'warning', options: { maxSeconds: 600 } });
    expect(() => parseConfig({ rules: { 'retry-max-delay': ['warning', { maxSecond: 600 }] } }, 'cfg')).toThrow(/have no "maxSecond" \(did you mean "maxSeconds"\?\)/);
    expect(() => parseConfig({ rules: { 'retry-max-delay': ['warning', { maxSeconds: 0 }] } }, 'cfg')).toThrow(/"maxSeconds" must be >= 1/);
    expect(() => parseConfig({ rules: { 'choice-default': ['warning', {}] } }, 'cfg')).toThrow(/takes no options/);
  });
});

describe('schemas/aslrc.schema.json', () => {
  it('lists every rule (for editor completion) and nothing else', () => {
    expect(Object.keys(schema.definitions.rules.properties).sort()).toEqual(rules.map((r) => r.meta.id).sort());
  });
});

describe('unused disables', () => {
  const def = machine(
    {
      Work: { Type: 'Task', Comment: 'asl-disable task-timeout, task-retry', Resource: 'arn:aws:states:::glue:startJobRun.sync', Retry: [{ ErrorEquals: ['States.ALL'], MaxDelaySeconds: 5 }], Catch: [{ ErrorEquals: ['States.ALL'], Next: 'F' }], End: true },
      F: { Type: 'Fail' },
    },
    { Comment: 'asl-disable-file choice-default, pass-chian' },
  );
  it('are not reported unless asked', () => {
    expect(lintDefinition(def).filter((f) => f.code === 'unused-disable')).toEqual([]);
  });
  it('are reported with --report-unused-disables: a directive that silenced nothing, or names no rule', () => {
    const found = lintDefinition(def, { reportUnusedDisables: true }).filter((f) => f.code === 'unused-disable');
    expect(found.map((f) => [f.path, f.severity])).toEqual([['/Comment', 'warning'], ['/Comment', 'warning'], ['/States/Work/Comment', 'warning']]);
    expect(found[0]!.message).toMatch(/choice-default" silences nothing/);
    expect(found[1]!.message).toMatch(/pass-chian" names no rule; did you mean "pass-chain"/);
    expect(found[2]!.message).toMatch(/asl-disable task-retry" silences nothing/);
  });
  it('a directive on a Parallel counts as used when it silences a nested state', () => {
    const nested = machine({
      P: { Type: 'Parallel', Comment: 'asl-disable task-timeout', Branches: [machine({ T: { Type: 'Task', Resource: 'arn:aws:states:::glue:startJobRun.sync', Retry: [{ ErrorEquals: ['States.ALL'], MaxDelaySeconds: 5 }], End: true } }), machine({ Q: { Type: 'Pass', End: true } })], Catch: [{ ErrorEquals: ['States.ALL'], Next: 'F' }], End: true },
      F: { Type: 'Fail' },
    });
    const all = lintDefinition(nested, { reportUnusedDisables: true });
    expect(all.filter((f) => f.code === 'task-timeout' || f.code === 'unused-disable')).toEqual([]);
  });
});

describe('asl lint with a config', () => {
  it('skips ignored files and applies overrides per file (workflowType and rules)', async () => {
    const run = await runCli(['lint', 'overrides', '--format', 'json'], { cwd: fixtures });
    const results = JSON.parse(run.stdout) as Array<{ file: string; diagnostics: Array<{ code: string; severity: string }> }>;
    const byFile = Object.fromEntries(results.map((r) => [r.file.replace(/\\/g, '/'), r.diagnostics.filter((d) => d.code === 'task-timeout' || d.code === 'express-unsupported').map((d) => `${d.code}:${d.severity}`)]));
    expect(Object.keys(byFile).some((f) => f.includes('legacy'))).toBe(false);
    expect(byFile['overrides/express/callback.asl.json']).toEqual(['express-unsupported:error']);
    expect(byFile['overrides/strict-one.asl.json']).toEqual(['task-timeout:error']);
    expect(byFile['overrides/nested/strict-two.asl.json']).toEqual(['task-timeout:error']);
    expect(byFile['overrides/plain.asl.json']).toEqual(['task-timeout:warning']);
    expect(run.code).toBe(1);
  });
  it('reports every schema problem with file:line:column and exits 2', async () => {
    const run = await runCli(['lint', 'bad-schema/no-timeout.asl.json'], { cwd: fixtures });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad-schema[\\/]\.aslrc\.json:3:21: rule "task-timeout" must be/);
    expect(run.stderr).toMatch(/bad-schema[\\/]\.aslrc\.json:5:3: unknown setting "ignroe"; did you mean "ignore"\?/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
  it("reports options that do not fit a rule's schema, with position, exit 2", async () => {
    const run = await runCli(['lint', 'bad-options/no-timeout.asl.json'], { cwd: fixtures });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.aslrc\.json:3:36: options of rule "retry-max-delay" have no "maxSecond" \(did you mean "maxSeconds"\?\)/);
    expect(run.stderr).toMatch(/\.aslrc\.json:4:35: rule "choice-default" takes no options/);
  });
  it('reports a config that does not parse, with position, exit 2', async () => {
    const run = await runCli(['lint', 'bad-yaml/no-timeout.asl.json'], { cwd: fixtures });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.aslrc\.yml:\d+:\d+: the lint config is not valid YAML/);
  });
  it('--rule changes the severity and keeps the options from the config', async () => {
    const kept = await runCli(['lint', 'options/long-retry.asl.json', '--rule', 'retry-max-delay=error'], { cwd: fixtures });
    expect(kept.code).toBe(0);
    const bare = await runCli(['lint', 'options/long-retry.asl.json', '--rule', 'retry-max-delay=error', '--config', 'configured/.aslrc.json'], { cwd: fixtures });
    expect(bare.code).toBe(1);
    expect(bare.stdout).toContain('retry-max-delay');
  });
  it('suggests the nearest rule id for a mistyped --rule', async () => {
    const run = await runCli(['lint', 'no-timeout.asl.json', '--rule', 'task-timeot=off'], { cwd: fixtures });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('did you mean "task-timeout"?');
  });
  it('--report-unused-disables reports directives that silence nothing', async () => {
    const quiet = await runCli(['lint', 'unused-disable.asl.json', '--format', 'json'], { cwd: fixtures });
    expect(quiet.stdout).not.toContain('"unused-disable"');
    const run = await runCli(['lint', 'unused-disable.asl.json', '--report-unused-disables', '--format', 'json'], { cwd: fixtures });
    const codes = (JSON.parse(run.stdout) as Array<{ diagnostics: Array<{ code: string; line: number }> }>)[0]!.diagnostics.filter((d) => d.code === 'unused-disable');
    expect(codes.map((d) => d.line)).toEqual([2, 2, 7]);
    expect(run.code).toBe(0);
  });
});
