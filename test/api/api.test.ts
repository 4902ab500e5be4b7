import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, SourceInputError, execute, graph, lint, loadFile, loadText, validate } from '../../src/index.js';
import type { CheckResult } from '../../src/index.js';

const fixtures = fileURLToPath(new URL('../fixtures/api/', import.meta.url));
const codes = (result: CheckResult | undefined): string[] => (result?.diagnostics ?? []).map((d) => d.code);

const definition = {
  StartAt: 'A',
  States: { A: { Type: 'Pass', Next: 'Missing' } },
};

describe('validate', () => {
  it('reads a path relative to cwd and reports each machine of a template with its pointer and name', async () => {
    const results = await validate('template.yaml', { cwd: fixtures });
    expect(results.map((r) => [r.file, r.machine, r.name, r.valid])).toEqual([
      ['template.yaml', '/Resources/First/Properties/Definition', 'First', true],
      ['template.yaml', '/Resources/Second/Properties/Definition', 'Second', false],
    ]);
    const missing = results[1]!.diagnostics.find((d) => d.code === 'unknown-state');
    expect(missing).toMatchObject({ severity: 'error', path: '/States/B/Next', line: 16 });
  });

  it('takes a definition object; positions refer to it printed with two-space indentation', async () => {
    const [result] = await validate(definition);
    expect(result).toMatchObject({ file: '<definition>', machine: '', valid: false });
    const d = result!.diagnostics.find((x) => x.code === 'unknown-state')!;
    const printed = JSON.stringify(definition, null, 2).split('\n');
    expect(printed[d.line - 1]).toContain('"Next": "Missing"');
  });

  it('names a definition object with the file option', async () => {
    const [result] = await validate(definition, { file: 'mine.asl.json' });
    expect(result!.file).toBe('mine.asl.json');
  });

  it('takes a text through loadText, JSON or YAML sniffed when no file name is given', async () => {
    const json = loadText('{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}');
    expect(json.file).toBe('<text>');
    expect((await validate(json))[0]!.valid).toBe(true);
    const yaml = loadText('StartAt: A\nStates:\n  A:\n    Type: Succeed\n');
    expect((await validate(yaml))[0]!.valid).toBe(true);
  });

  it('gives one invalid entry for a file that is not a state machine, rather than throwing', async () => {
    const results = await validate(loadText('{ "StartAt": ', 'broken.asl.json'));
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ file: 'broken.asl.json', machine: '', valid: false });
    expect(results[0]!.diagnostics[0]!.line).toBeGreaterThan(0);
    const notAMachine = await validate({ hello: 'world' });
    expect(notAMachine[0]).toMatchObject({ machine: '', valid: false });
  });

  it('rejects an unreadable path with SourceInputError and a non-object with TypeError', async () => {
    await expect(validate('no-such-file.asl.json', { cwd: fixtures })).rejects.toBeInstanceOf(SourceInputError);
    await expect(validate(['template.yaml', 'missing/*.asl.json'], { cwd: fixtures })).rejects.toThrow(/missing\/\*\.asl\.json: no files match/);
    await expect(validate(42 as unknown as object)).rejects.toBeInstanceOf(TypeError);
  });

  it('searches a directory, expands a glob and takes several paths, as the CLI does', async () => {
    const fromDir = await validate('.', { cwd: fixtures });
    expect(fromDir.map((r) => r.file)).toEqual([
      'configured/no-timeout.asl.json',
      'no-timeout.asl.json',
      'template.yaml',
      'template.yaml',
    ]);
    const fromGlob = await validate('**/*.asl.json', { cwd: fixtures });
    expect(fromGlob.map((r) => r.file)).toEqual(['configured/no-timeout.asl.json', 'no-timeout.asl.json']);
    const several = await validate(['template.yaml', 'no-timeout.asl.json'], { cwd: fixtures });
    expect(several.map((r) => [r.file, r.valid])).toEqual([
      ['template.yaml', true],
      ['template.yaml', false],
      ['no-timeout.asl.json', true],
    ]);
  });

  it('accepts a LoadedFile from loadFile', async () => {
    const loaded = await loadFile('template.yaml', { cwd: fixtures });
    expect(loaded.machines.map((m) => m.workflowType)).toEqual(['EXPRESS', undefined]);
    expect((await validate(loaded)).map((r) => r.valid)).toEqual([true, false]);
  });
});

describe('lint', () => {
  it('adds the rules to validation, with default severities', async () => {
    const [result] = await lint('no-timeout.asl.json', { cwd: fixtures });
    expect(codes(result)).toContain('task-timeout');
    expect(result!.diagnostics.find((d) => d.code === 'task-timeout')!.severity).toBe('warning');
    expect(result!.valid).toBe(true);
  });

  it('finds .aslrc upwards from a path input, like asl lint, unless config is false', async () => {
    const [found] = await lint('configured/no-timeout.asl.json', { cwd: fixtures });
    expect(found!.diagnostics.find((d) => d.code === 'task-timeout')!.severity).toBe('error');
    expect(found!.valid).toBe(false);
    const [none] = await lint('configured/no-timeout.asl.json', { cwd: fixtures, config: false });
    expect(none!.valid).toBe(true);
  });

  it('finds each file its own config when given a directory', async () => {
    const results = await lint(['no-timeout.asl.json', 'configured'], { cwd: fixtures });
    const severities = results.map((r) => [r.file, r.diagnostics.find((d) => d.code === 'task-timeout')?.severity]);
    expect(severities).toEqual([
      ['no-timeout.asl.json', 'warning'],
      ['configured/no-timeout.asl.json', 'error'],
    ]);
  });

  it('applies the ignore globs of a config object and per-file overrides, relative to cwd', async () => {
    const ignored = await lint('.', { cwd: fixtures, config: { ignore: ['configured/'] } });
    expect(ignored.map((r) => r.file)).not.toContain('configured/no-timeout.asl.json');
    expect(ignored.map((r) => r.file)).toContain('no-timeout.asl.json');
    const overridden = await lint(['no-timeout.asl.json', 'configured/no-timeout.asl.json'], {
      cwd: fixtures,
      config: { overrides: [{ files: 'configured/**', rules: { 'task-timeout': 'error' } }] },
    });
    expect(overridden.map((r) => r.diagnostics.find((d) => d.code === 'task-timeout')?.severity)).toEqual(['warning', 'error']);
  });

  it('reports asl-disable markers that silence nothing when asked', async () => {
    const timed = { StartAt: 'T', States: { T: { Type: 'Task', Comment: 'asl-disable task-timeout', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' }, TimeoutSeconds: 5, End: true } } };
    expect(codes((await lint(timed))[0])).not.toContain('unused-disable');
    expect(codes((await lint(timed, { reportUnusedDisables: true }))[0])).toContain('unused-disable');
    expect(codes((await lint(timed, { config: { reportUnusedDisables: true } }))[0])).toContain('unused-disable');
  });

  it('takes a config object or file, and rules that win over it', async () => {
    const [fromObject] = await lint('no-timeout.asl.json', { cwd: fixtures, config: { rules: { 'task-timeout': 'off' } } });
    expect(codes(fromObject)).not.toContain('task-timeout');
    const [fromFile] = await lint('no-timeout.asl.json', { cwd: fixtures, config: 'configured/.aslrc.yaml' });
    expect(fromFile!.valid).toBe(false);
    const [overridden] = await lint('no-timeout.asl.json', { cwd: fixtures, config: 'configured/.aslrc.yaml', rules: { 'task-timeout': 'info' } });
    expect(overridden!.diagnostics.find((d) => d.code === 'task-timeout')!.severity).toBe('info');
  });

  it('uses the workflow type of the template unless told otherwise', async () => {
    const express = { StartAt: 'W', States: { W: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { FunctionName: 'f', Payload: { 'token.$': '$$.Task.Token' } }, TimeoutSeconds: 5, HeartbeatSeconds: 2, End: true } } };
    const standard = await lint(express);
    const asExpress = await lint(express, { workflowType: 'express' });
    expect(codes(standard[0])).not.toContain('express-unsupported');
    expect(codes(asExpress[0])).toContain('express-unsupported');
  });

  it('rejects an unknown rule or a bad config with ConfigError', async () => {
    await expect(lint(definition, { rules: { 'task-timout': 'error' } })).rejects.toBeInstanceOf(ConfigError);
    await expect(lint(definition, { config: { rules: { 'task-timeout': 'loud' as 'error' } } })).rejects.toThrow(/severity/);
    await expect(lint(definition, { config: 'no-such.aslrc.json', cwd: fixtures })).rejects.toBeInstanceOf(ConfigError);
    await expect(lint(definition, { workflowType: 'batch' as 'express' })).rejects.toBeInstanceOf(TypeError);
  });
});

describe('execute and graph from the package entry', () => {
  it('runs a loaded definition and draws it', async () => {
    const { machines } = await loadFile('template.yaml', { cwd: fixtures });
    const result = await execute(machines[0]!.definition, { x: 1 });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { x: 1 } });
    expect(graph(machines[0]!.definition, { format: 'mermaid' })).toMatch(/^flowchart TB/);
  });
});
