import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs, loadFile, SourceInputError } from '../../src/source/index.js';
import { fixture } from './helpers.js';

let root: string;
const definition = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}';
const template = 'Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition:\n        StartAt: A\n        States:\n          A: { Type: Succeed }\n';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'asl-source-'));
  const files: Record<string, string> = {
    'flows/b.asl.json': definition,
    'flows/a.asl.yaml': 'StartAt: A\nStates:\n  A: { Type: Succeed }\n',
    'flows/nested/c.asl.yml': 'StartAt: A\nStates:\n  A: { Type: Succeed }\n',
    'flows/nested/template.yaml': template,
    'flows/nested/stack.json': '{"Resources": {"M": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"DefinitionString": "{}"}}}}',
    'flows/nested/serverless.yml': 'stepFunctions:\n  stateMachines:\n    m:\n      definition: { StartAt: A, States: { A: { Type: Succeed } } }\n',
    'flows/nested/config.yaml': 'retries: 3\n',
    'flows/nested/policy.json': '{"Statement": [{"Action": "states:StartExecution", "Condition": "AWS::StepFunctions::StateMachine"}], "stepFunctions": 1}',
    'flows/nested/other.yml': 'stepFunctions:\n  enabled: true\n',
    'flows/plain/definition.json': definition,
    'flows/plain/definition.yaml': 'Comment: named like any config file\nStartAt: A\nStates:\n  A: { Type: Succeed }\n',
    'flows/plain/commented.json': '// JSON5 in a .json file\n{ "StartAt": "A", "States": { "A": { "Type": "Succeed" } }, }\n',
    'flows/plain/blk_serverless.yml': 'service: blk\nstepFunctions:\n  stateMachines:\n    m:\n      definition: { StartAt: A, States: { A: { Type: Succeed } } }\n',
    'flows/plain/schema.json': '{"properties": {"StartAt": {"type": "string"}, "States": {"type": "object"}}}',
    'flows/plain/nested.yaml': 'machine:\n  StartAt: A\n  States:\n    A: { Type: Succeed }\n',
    'flows/plain/list.json': '[{"StartAt": "A", "States": {}}]',
    'flows/package.json': '{"name": "x"}',
    'flows/node_modules/pkg/d.asl.json': definition,
    'flows/.aws-sam/build/e.asl.json': definition,
    'flows/cdk.out/f.asl.json': definition,
    'empty/readme.txt': 'nothing here',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('expandInputs', () => {
  it('searches a directory for definitions and templates with state machines, skipping vendored and hidden folders', async () => {
    const { files, problems } = await expandInputs(['flows'], root);
    expect(problems).toEqual([]);
    expect(files).toEqual([
      'flows/a.asl.yaml',
      'flows/b.asl.json',
      'flows/nested/c.asl.yml',
      'flows/nested/serverless.yml',
      'flows/nested/stack.json',
      'flows/nested/template.yaml',
      'flows/plain/blk_serverless.yml',
      'flows/plain/commented.json',
      'flows/plain/definition.json',
      'flows/plain/definition.yaml',
    ]);
  });

  it('passes files through as given and keeps "-" for stdin', async () => {
    const { files, problems } = await expandInputs(['flows/nested/config.yaml', '-', 'flows/b.asl.json'], root);
    expect(problems).toEqual([]);
    expect(files).toEqual(['flows/nested/config.yaml', '-', 'flows/b.asl.json']);
  });

  it('expands globs in sorted order and drops duplicates', async () => {
    const { files } = await expandInputs(['flows/**/*.asl.*', 'flows/b.asl.json'], root);
    expect(files).toEqual(['flows/a.asl.yaml', 'flows/b.asl.json', 'flows/nested/c.asl.yml']);
  });

  it('keeps absolute glob results absolute and reaches dot folders the pattern names', async () => {
    expect((await expandInputs([join(root, 'flows/*.asl.json')], root)).files).toEqual([join(root, 'flows/b.asl.json')]);
    expect((await expandInputs(['flows/.aws-sam/**/*.asl.json'], root)).files).toEqual(['flows/.aws-sam/build/e.asl.json']);
    expect((await expandInputs(['flows/**/e.asl.json'], root)).problems).toHaveLength(1);
  });

  it('reports a missing path, a glob that matches nothing and a directory without machines', async () => {
    const { files, problems } = await expandInputs(['nope.asl.json', 'flows/*.nothing', 'empty', 'flows/b.asl.json'], root);
    expect(files).toEqual(['flows/b.asl.json']);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^nope\.asl\.json: no such file/);
    expect(problems[1]).toMatch(/^flows\/\*\.nothing: no files match/);
    expect(problems[2]).toMatch(/^empty: no state machines found in this directory \(definition files such as \*\.asl\.json, other JSON or YAML files with "StartAt"/);
  });
});

describe('loadFile', () => {
  it('loads a file relative to cwd and names it as given', async () => {
    const loaded = await loadFile('flows/b.asl.json', { cwd: root });
    expect(loaded.file).toBe('flows/b.asl.json');
    expect(loaded.machines).toHaveLength(1);
  });

  it('follows a DefinitionUri relative to the template', async () => {
    mkdirSync(join(root, 'sam/statemachine'), { recursive: true });
    writeFileSync(join(root, 'sam/template.yaml'), fixture('sam-template.yaml'));
    writeFileSync(join(root, 'sam/statemachine/order.asl.yaml'), fixture('statemachine/order.asl.yaml'));
    const loaded = await loadFile('sam/template.yaml', { cwd: root });
    expect(loaded.machines.find((m) => m.name === 'FileMachine')?.file).toBe('sam/statemachine/order.asl.yaml');
  });

  it('throws SourceInputError naming a missing path', async () => {
    await expect(loadFile('missing.asl.json', { cwd: root })).rejects.toThrow(SourceInputError);
    await expect(loadFile('missing.asl.json', { cwd: root })).rejects.toThrow(/missing\.asl\.json: no such file/);
  });

  it.skipIf(process.platform === 'win32')('throws SourceInputError for a device, without reading it', async () => {
    await expect(loadFile('/dev/zero')).rejects.toThrow(/^cannot read \/dev\/zero: it is not a regular file/);
  });

  it('refuses a file of hundreds of MB from its size, without reading it', async () => {
    const big = join(root, 'big.asl.json');
    writeFileSync(big, '');
    truncateSync(big, 300 * 1024 * 1024);
    try {
      const loaded = await loadFile('big.asl.json', { cwd: root });
      expect(loaded.diagnostics).toEqual([expect.objectContaining({ code: 'file-too-large', line: 1, column: 1 })]);
      expect(loaded.machines).toEqual([]);
    } finally {
      rmSync(big);
    }
  });

  it('throws SourceInputError for a directory', async () => {
    await expect(loadFile('flows', { cwd: root })).rejects.toThrow(/flows: it is a directory/);
  });
});
