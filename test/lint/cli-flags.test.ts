/** `asl lint` flags and detections end to end: --list-rules, --workflow-type, templates' workflow type,
 * .aslrc.yaml/.yml discovery, --quiet, --max-warnings, SARIF rule metadata. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../cli/run-cli.js';
import { rules } from '../../src/lint/index.js';

let dir = '';
const write = (name: string, content: unknown): void => {
  const file = join(dir, name);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
};

/** One Wait of 600 s (beyond Express's limit) and one Glue job run without TimeoutSeconds (task-timeout warning). */
const longWait = {
  StartAt: 'W',
  States: {
    W: { Type: 'Wait', Seconds: 600, Next: 'T' },
    T: {
      Type: 'Task', Resource: 'arn:aws:states:::glue:startJobRun.sync', Parameters: { JobName: 'j' },
      Retry: [{ ErrorEquals: ['States.ALL'], MaxDelaySeconds: 10 }], Catch: [{ ErrorEquals: ['States.ALL'], Next: 'F' }], End: true,
    },
    F: { Type: 'Fail' },
  },
};
const template = (type: string, typeKey: 'StateMachineType' | 'Type', resourceType: string): string =>
  [
    'Resources:',
    '  Flow:',
    `    Type: ${resourceType}`,
    '    Properties:',
    `      ${typeKey}: ${type}`,
    `      Definition: ${JSON.stringify(longWait)}`,
    '',
  ].join('\n');

const codes = (stdout: string): string[] =>
  (JSON.parse(stdout) as Array<{ diagnostics: Array<{ code: string; severity: string }> }>).flatMap((r) => r.diagnostics.map((d) => `${d.code}:${d.severity}`));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'asl-lint-flags-'));
  write('plain.asl.json', longWait);
  write('cfn.yaml', template('EXPRESS', 'StateMachineType', 'AWS::StepFunctions::StateMachine'));
  write('sam.yaml', template('EXPRESS', 'Type', 'AWS::Serverless::StateMachine'));
  write('sam-standard.yaml', template('STANDARD', 'Type', 'AWS::Serverless::StateMachine'));
  write('yaml-cfg/deep/er/m.asl.json', longWait);
  write('yaml-cfg/.aslrc.yaml', 'rules:\n  task-timeout: error\n');
  write('yml-cfg/deep/m.asl.json', longWait);
  write('yml-cfg/.aslrc.yml', 'rules:\n  task-timeout: "off"\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('asl lint flags', () => {
  it('--list-rules prints every rule with its default severity, as asl rules does', async () => {
    const list = await runCli(['lint', '--list-rules'], { cwd: dir });
    const sub = await runCli(['rules'], { cwd: dir });
    expect(list.code).toBe(0);
    expect(list.stdout).toBe(sub.stdout);
    for (const rule of rules) expect(list.stdout).toMatch(new RegExp(`^${rule.meta.id}\\s+${rule.meta.defaultSeverity}\\s`, 'm'));
  });

  it('--workflow-type express turns on express-unsupported; standard (the default) leaves it off', async () => {
    const standard = await runCli(['lint', 'plain.asl.json', '-f', 'json'], { cwd: dir });
    const express = await runCli(['lint', 'plain.asl.json', '-f', 'json', '--workflow-type', 'express'], { cwd: dir });
    expect(codes(standard.stdout)).not.toContain('express-unsupported:error');
    expect(standard.code).toBe(0);
    expect(codes(express.stdout)).toContain('express-unsupported:error');
    expect(express.code).toBe(1);
    const bad = await runCli(['lint', 'plain.asl.json', '--workflow-type', 'fast'], { cwd: dir });
    expect(bad.code).toBe(2);
  });

  it('reads the workflow type from StateMachineType and from SAM Type in templates', async () => {
    for (const file of ['cfn.yaml', 'sam.yaml']) {
      const run = await runCli(['lint', file, '-f', 'json'], { cwd: dir });
      expect(codes(run.stdout), file).toContain('express-unsupported:error');
      expect(run.code, file).toBe(1);
    }
    const standard = await runCli(['lint', 'sam-standard.yaml', '-f', 'json'], { cwd: dir });
    expect(codes(standard.stdout)).not.toContain('express-unsupported:error');
  });

  it('finds .aslrc.yaml and .aslrc.yml by walking up from the file', async () => {
    const yaml = await runCli(['lint', 'yaml-cfg/deep/er/m.asl.json', '-f', 'json'], { cwd: dir });
    expect(codes(yaml.stdout)).toContain('task-timeout:error');
    const yml = await runCli(['lint', 'yml-cfg/deep/m.asl.json', '-f', 'json'], { cwd: dir });
    expect(codes(yml.stdout).filter((c) => c.startsWith('task-timeout'))).toEqual([]);
  });

  it('--quiet drops warnings; --max-warnings exits 1 only above the limit', async () => {
    const quiet = await runCli(['lint', 'plain.asl.json', '-f', 'json', '--quiet'], { cwd: dir });
    expect(codes(quiet.stdout)).toEqual([]);
    expect((await runCli(['lint', 'plain.asl.json', '--max-warnings', '1'], { cwd: dir })).code).toBe(0);
    const over = await runCli(['lint', 'plain.asl.json', '--max-warnings', '0'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('--max-warnings allows 0');
  });

  it('--quiet says in the stylish summary how many warnings it hid, which --max-warnings still counts', async () => {
    const quietOver = await runCli(['lint', 'plain.asl.json', '--quiet', '--max-warnings', '0'], { cwd: dir });
    expect(quietOver.code).toBe(1);
    // Not a green tick above exit code 1: the summary says the run failed, and why.
    expect(quietOver.stdout).toMatch(/^✖ (\d+) warnings?, more than --max-warnings 0 allows \(\1 warnings? not shown: --quiet\)\n$/);
    const quietUnder = await runCli(['lint', 'plain.asl.json', '--quiet', '--max-warnings', '99'], { cwd: dir });
    expect(quietUnder.code).toBe(0);
    expect(quietUnder.stdout).toMatch(/^✔ 1 state machine valid \(\d+ warnings? not shown: --quiet\)\n$/);
    expect(quietOver.stderr).toContain('--max-warnings allows 0');
    const loud = await runCli(['lint', 'plain.asl.json'], { cwd: dir });
    expect(loud.stdout).not.toContain('not shown');
  });

  it('SARIF carries each lint rule with its description, default level and a help URI to its docs page', async () => {
    const run = await runCli(['lint', 'plain.asl.json', '-f', 'sarif'], { cwd: dir });
    const sarif = JSON.parse(run.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }> } }; results: Array<{ ruleId: string; ruleIndex: number }> }> };
    const driverRules = sarif.runs[0]!.tool.driver.rules;
    for (const rule of rules) {
      const entry = driverRules.find((r) => r.id === rule.meta.id);
      expect(entry, rule.meta.id).toBeDefined();
      expect(entry!.shortDescription.text).toBe(rule.meta.description);
      expect(entry!.defaultConfiguration.level).toBe(rule.meta.defaultSeverity === 'info' ? 'note' : rule.meta.defaultSeverity);
      expect(entry!.helpUri).toMatch(new RegExp(`^https://.*/docs/rules/${rule.meta.id}\\.md$`));
    }
    const result = sarif.runs[0]!.results.find((r) => r.ruleId === 'task-timeout');
    expect(driverRules[result!.ruleIndex]!.id).toBe('task-timeout');
  });
});

describe('rule metadata', () => {
  it('every rule has a docs page at its docs link, and an options schema that is an object schema when it has one', () => {
    for (const rule of rules) {
      expect(existsSync(join(repoRoot, rule.meta.docsUrl)), rule.meta.docsUrl).toBe(true);
      if (rule.meta.optionsSchema) expect(rule.meta.optionsSchema.type, rule.meta.id).toBe('object');
    }
  });
});
