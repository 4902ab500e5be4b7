/**
 * hardcoded-account's advice names the way to parameterise an ARN in the file the user wrote: a
 * serverless.yml has no DefinitionSubstitutions. Real files through the built CLI.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../cli/run-cli.js';

let dir = '';
const arn = 'arn:aws:lambda:eu-west-1:123456789012:function:charge';
const state = `{ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": { "FunctionName": "${arn}" }, "End": true }`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'asl-advice-'));
  writeFileSync(join(dir, '.aslrc.json'), '{}\n');
  writeFileSync(join(dir, 'serverless.yml'), ['service: shop', 'provider:', '  name: aws', 'stepFunctions:', '  stateMachines:', '    order:', '      definition:', '        StartAt: Charge', '        States:', `          Charge: ${state}`, ''].join('\n'));
  writeFileSync(join(dir, 'template.yaml'), ['Resources:', '  Order:', '    Type: AWS::Serverless::StateMachine', '    Properties:', '      Definition:', '        StartAt: Charge', '        States:', `          Charge: ${state}`, ''].join('\n'));
  writeFileSync(join(dir, 'order.asl.json'), `{ "StartAt": "Charge", "States": { "Charge": ${state} } }\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const advice = (file: string): string => {
  const run = spawnCli(['lint', file, '--format', 'json', '--rule', 'lambda-transient-retry=off'], { cwd: dir });
  const [result] = JSON.parse(run.stdout) as Array<{ diagnostics: Array<{ code: string; message: string }> }>;
  return result!.diagnostics.filter((d) => d.code === 'hardcoded-account').map((d) => d.message).join('\n');
};

describe('hardcoded-account advice by file kind', () => {
  it('serverless.yml: the Serverless Framework variable', () => {
    const message = advice('serverless.yml');
    expect(message).toContain('${aws:accountId}');
    expect(message).not.toContain('DefinitionSubstitutions');
  });
  it('a SAM template: ${AWS::AccountId} in Fn::Sub', () => {
    expect(advice('template.yaml')).toContain('write ${AWS::AccountId} inside a Fn::Sub');
  });
  it('a bare definition: a deploy-time placeholder', () => {
    expect(advice('order.asl.json')).toContain('use a placeholder such as ${AccountId}');
  });
});
