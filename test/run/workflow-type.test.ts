/**
 * `asl run` runs a machine as the workflow type it has: from `--workflow-type`, else the template's
 * StateMachineType (CloudFormation) or Type (SAM), else Standard. An Express execution's context object has
 * an `…:express:<machine>:<name>:<id>` execution ARN and no RedriveCount ("Context object" page), and it
 * ends TIMED_OUT after five minutes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli, spawnCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'asl-workflow-type-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const show = { StartAt: 'Show', States: { Show: { Type: 'Pass', Parameters: { 'execution.$': '$$.Execution' }, OutputPath: '$.execution', End: true } } };
writeFileSync(join(dir, 'show.asl.json'), JSON.stringify(show, null, 2));
writeFileSync(
  join(dir, 'sam.yaml'),
  ['Transform: AWS::Serverless-2016-10-31', 'Resources:', '  Quick:', '    Type: AWS::Serverless::StateMachine', '    Properties:', '      Type: EXPRESS', `      Definition: ${JSON.stringify(show)}`, ''].join('\n'),
);
writeFileSync(
  join(dir, 'cfn.yaml'),
  ['Resources:', '  Quick:', '    Type: AWS::StepFunctions::StateMachine', '    Properties:', '      StateMachineType: EXPRESS', `      Definition: ${JSON.stringify(show)}`, ''].join('\n'),
);
writeFileSync(join(dir, 'long.asl.json'), JSON.stringify({ StartAt: 'Long', States: { Long: { Type: 'Wait', Seconds: 600, End: true } } }));

async function execution(args: string[]): Promise<Record<string, unknown>> {
  const run = await runCli(['run', ...args, '--format', 'json'], { cwd: dir });
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(run.stdout).output as Record<string, unknown>;
}

const expressArn = /^arn:aws:states:us-east-1:123456789012:express:[^:]+:local-execution-00000000:[0-9a-f-]{36}$/;

describe('asl run --workflow-type', () => {
  test('a Standard execution (the default) has an …:execution: ARN and RedriveCount 0', async () => {
    const standard = await execution(['show.asl.json']);
    expect(standard.Id).toBe('arn:aws:states:us-east-1:123456789012:execution:LocalStateMachine:local-execution-00000000');
    expect(standard.RedriveCount).toBe(0);
  });

  test('express gives an …:express:<machine>:<name>:<id> ARN and no RedriveCount', async () => {
    const express = await execution(['show.asl.json', '--workflow-type', 'express']);
    expect(express.Id).toMatch(expressArn);
    expect(express).not.toHaveProperty('RedriveCount');
    expect(express.Name).toBe('local-execution-00000000');
  });

  test('the type comes from a SAM Type or a CloudFormation StateMachineType, and the flag wins over it', async () => {
    expect((await execution(['sam.yaml'])).Id).toMatch(expressArn);
    expect((await execution(['cfn.yaml'])).Id).toMatch(expressArn);
    expect((await execution(['cfn.yaml', '--workflow-type', 'standard'])).Id).toMatch(/:execution:Quick:/);
  });

  test('an Express execution longer than five minutes ends TIMED_OUT (exit 1); Standard waits it out', async () => {
    const express = await runCli(['run', 'long.asl.json', '--workflow-type', 'express', '--format', 'json'], { cwd: dir });
    expect(express.code).toBe(1);
    expect(JSON.parse(express.stdout)).toEqual({ status: 'TIMED_OUT', error: 'States.Timeout' });
    const standard = await runCli(['run', 'long.asl.json', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(standard.stdout).status).toBe('SUCCEEDED');
  });

  test('the built executable, piped: a SAM template read from stdin runs as Express', () => {
    const template = ['Resources:', '  Quick:', '    Type: AWS::Serverless::StateMachine', '    Properties:', '      Type: EXPRESS', `      Definition: ${JSON.stringify(show)}`, ''].join('\n');
    const run = spawnCli(['run', '-', '--format', 'json'], { stdin: template, cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).output.Id).toMatch(expressArn);
  });

  test('a value other than standard or express is a usage error (exit 2) naming both', async () => {
    const run = await runCli(['run', 'show.asl.json', '--workflow-type', 'EXPRES'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--workflow-type must be "standard" or "express", not "EXPRES".');
  });
});
