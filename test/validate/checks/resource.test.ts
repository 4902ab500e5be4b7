// Task Resource values: what CreateStateMachine refuses is reported with the right code and a fix,
// what it accepts (and every deploy-time placeholder) is not. The CLI test at the end runs the built
// `asl validate` on a file, as a user meets the check.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTIMIZED_INTEGRATIONS, OPTIMIZED_SERVICES } from '../../../src/asl/service-integrations.js';
import { validateDefinition } from '../../../src/validate/index.js';
import { repoRoot } from '../../cli/run-cli.js';

const CODES = ['invalid-resource', 'resource-not-arn', 'unknown-integration', 'integration-pattern'];

function resourceFindings(resource: string): Array<{ code: string; path: string; message: string }> {
  const definition = { StartAt: 'S', States: { S: { Type: 'Task', Resource: resource, End: true } } };
  return validateDefinition(definition).findings.filter((f) => CODES.includes(f.code));
}

describe('Task Resource', () => {
  it.each([
    ['someresource', 'resource-not-arn', 'is "someresource", which is not an ARN; Step Functions refuses'],
    ['<INSERT LAMBDA ARN HERE>', 'resource-not-arn', 'looks like a placeholder that was never filled in'],
    ['__tbd__', 'resource-not-arn', 'never filled in'],
    ['module:helloWorld', 'resource-not-arn', 'not an ARN'],
    ['ARN:aws:states:::lambda:invoke', 'resource-not-arn', 'ARNs start with "arn:" in lower case'],
    ['insert-record', 'resource-not-arn', 'which is not an ARN'],
    ['', 'resource-not-arn', 'is "", which is not an ARN'],
    [' arn:aws:states:::lambda:invoke', 'invalid-resource', 'has white space at its start or end'],
    ['arn:aws:states:::lambda:invoke\n', 'invalid-resource', 'has white space at its start or end'],
    ['arn:aws:states:::lambda:invok', 'unknown-integration', 'did you mean lambda:invoke?'],
    ['arn:aws:states:::lamda:invoke', 'unknown-integration', '"lamda" is not a service with an optimized integration; did you mean lambda:invoke?'],
    ['arn:${AWS::Partition}:states:::sns:publsh', 'unknown-integration', 'did you mean sns:publish?'],
    ['arn:aws:states:::dynamodb:query', 'unknown-integration', 'use the SDK integration "arn:aws:states:::aws-sdk:dynamodb:query"'],
    ['arn:aws:states:::lambda:listFunctions', 'unknown-integration', '(AWS Lambda has invoke)'],
    ['arn:aws:states:::elasticmapreduce:describeCluster', 'unknown-integration', '"arn:aws:states:::aws-sdk:emr:describeCluster"'],
    ['arn:aws:states:::s3:getObject', 'unknown-integration', '"arn:aws:states:::aws-sdk:s3:getObject"'],
    ['arn:aws:states:::lambda', 'unknown-integration', 'not <service>:<action>'],
    ['arn:aws:states:::aws-sdk:s3', 'unknown-integration', 'without a service or an action'],
    ['arn:aws:states:us-east-1:123456789012:stateMachine:Other', 'unknown-integration', 'arn:aws:states:::states:startExecution'],
    ['arn:aws:states:::lambda:invoke.sync', 'integration-pattern', 'asks for .sync, which lambda:invoke does not support; lambda:invoke supports .waitForTaskToken'],
    ['arn:aws:states:::dynamodb:putItem.waitForTaskToken', 'integration-pattern', 'supports only Request Response'],
    ['arn:aws:states:::glue:startJobRun.sync:2', 'integration-pattern', 'glue:startJobRun supports .sync'],
    ['arn:aws:states:::aws-sdk:s3:getObject.sync', 'integration-pattern', 'AWS SDK integrations do not support .sync'],
    ['arn:aws:states:::sqs:sendMessage.waitForTaskTokn', 'integration-pattern', 'did you mean ".waitForTaskToken"?'],
    ['${lambdaArn', 'invalid-resource', 'without a closing'],
    ['arn:aws:lambda', 'invalid-resource', 'not a complete ARN'],
    ['arn:amazon:states:::lambda:invoke', 'invalid-resource', 'the partition "amazon"'],
    ['arn:aws:states:::activity:Approve', 'invalid-resource', 'without its region or account id'],
    ['arn:aws:states:us-east-1:123456789012:activity:needs approval', 'invalid-resource', 'not a valid activity name'],
    ['arn:aws:lambda:us-east-1:123456789012:function:Charge:', 'invalid-resource', 'ends with ":"'],
    ['arn:aws:lambda:us-east-1:123456789012:function:Charge:$*#$7485', 'invalid-resource', 'qualifier'],
    ['arn:aws:lambda:us-east-1:123456789012:function:my function', 'invalid-resource', 'not a valid function name'],
    ['arn:aws:lambda:us-east-1:123456789012:function:a:b:c', 'invalid-resource', 'more than one qualifier'],
  ])('reports %s', (resource, code, message) => {
    const result = resourceFindings(resource);
    expect(result.map((f) => [f.code, f.path])).toEqual([[code, '/States/S/Resource']]);
    expect(result[0]!.message).toMatch(/^Resource of state "S" /);
    expect(result[0]!.message).toContain(message);
  });

  it.each([
    'arn:aws:lambda:us-east-1:123456789012:function:Charge',
    'arn:aws:lambda:us-east-1:123456789012:function:Charge:$LATEST',
    'arn:aws:lambda:us-east-1:123456789012:function:Charge:12',
    'arn:aws-cn:lambda:cn-north-1:123456789012:function:Charge:prod_v-2',
    'arn:aws-us-gov:states:::sns:publish.waitForTaskToken',
    'arn:aws:states:us-east-1:123456789012:activity:approve-order',
    'arn:aws:states:::lambda:invoke',
    'arn:aws:states:::lambda:invoke.waitForTaskToken',
    'arn:aws:states:::dynamodb:putItem',
    'arn:aws:states:::states:startExecution.sync:2',
    'arn:aws:states:::ecs:runTask.sync',
    'arn:aws:states:::aws-sdk:dynamodb:query',
    'arn:aws:states:::aws-sdk:sfn:startExecution.waitForTaskToken',
    'arn:aws:states:us-east-1:123456789012:aws-sdk:s3:getObject',
    'arn:aws:states:::bedrock:createModelInvocationJob',
    'arn:aws:states:::http:invoke',
    'arn:aws:swf:us-east-1:123456789012:task:X',
    // Placeholders of every deployment tool, whole or inside an ARN.
    '${ChargeFunctionArn}',
    '${self:custom.chargeArn}',
    '${file(./arns.yml):charge}',
    '#{ChargeFunctionArn}',
    '{{resolve:ssm:/prod/charge-arn}}',
    'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${Name}:',
    'arn:aws:lambda:#{AWS::Region}:#{AWS::AccountId}:function:charge',
    'arn:${AWS::Partition}:states:::states:startExecution.sync:2',
    'arn:aws:states:::${Service}:invoke',
    'arn:aws:states:${AWS::Region}:${AWS::AccountId}:activity:${ActivityName}',
  ])('accepts %s', (resource) => {
    expect(resourceFindings(resource)).toEqual([]);
  });

  it('accepts every integration of its own table, with each suffix the table allows', () => {
    for (const integration of OPTIMIZED_INTEGRATIONS) {
      const [service, action] = integration.split(':') as [string, string];
      for (const suffix of ['', ...OPTIMIZED_SERVICES[service]!.actions[action]!]) {
        expect(resourceFindings(`arn:aws:states:::${integration}${suffix}`), integration + suffix).toEqual([]);
      }
    }
  });

  it('leaves a Resource that is an intrinsic object to the deployment', () => {
    const definition = { StartAt: 'S', States: { S: { Type: 'Task', Resource: { 'Fn::GetAtt': ['Fn', 'Arn'] }, End: true } } };
    expect(validateDefinition(definition).findings).toEqual([]);
  });
});

describe('asl validate on a file', () => {
  it('names the line, the code and the fix, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-resource-'));
    try {
      const definition = '{\n  "StartAt": "Charge",\n  "States": {\n    "Charge": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invok", "End": true }\n  }\n}\n';
      writeFileSync(join(dir, 'flow.asl.json'), definition);
      const run = spawnSync(process.execPath, [join(repoRoot, 'bin/asl.js'), 'validate', 'flow.asl.json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(run.stdout).toContain('4:45  error  Resource of state "Charge" calls lambda:invok');
      expect(run.stdout).toContain('did you mean lambda:invoke?  unknown-integration');
      expect(run.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
