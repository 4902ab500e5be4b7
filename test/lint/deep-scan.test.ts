import { describe, expect, it } from 'vitest';
import { lintDefinition } from '../../src/lint/index.js';
import { machine } from './rule-tester.js';

const pass = (extra: Record<string, unknown>) => ({ Type: 'Pass', ...extra });
const branch = (states: Record<string, unknown>) => ({ StartAt: Object.keys(states)[0], States: states });

describe('deep payload scanning', () => {
  const codes = (def: unknown, id: string) => lintDefinition(def).filter((f) => f.code === id).map((f) => f.path);
  it('hardcoded-account reads nested payloads in both query languages', () => {
    const def = machine({
      A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'arn:aws:lambda:eu-west-1:111122223333:function:f', Payload: { nested: ['arn:aws:sns:us-east-1:111122223333:t'] } }, Credentials: { RoleArn: 'arn:aws:iam::111122223333:role/r' }, Next: 'B' },
      B: { Type: 'Task', QueryLanguage: 'JSONata', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'arn:aws:lambda:us-east-1:111122223333:function:g' }, Next: 'M' },
      M: { Type: 'Map', MaxConcurrency: 2, ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'b', Key: 'k' } }, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, ...branch({ I: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: { TopicArn: 'arn:aws:sns:us-east-1:444455556666:t', Message: 'm' }, End: true } }) }, End: true },
    });
    expect(codes(def, 'hardcoded-account')).toEqual([
      '/States/A/Parameters/FunctionName', '/States/A/Parameters/Payload/nested/0', '/States/A/Credentials/RoleArn',
      '/States/B/Arguments/FunctionName', '/States/M/ItemProcessor/States/I/Parameters/TopicArn',
    ]);
  });
  it('hardcoded-account stays silent for placeholders, service integrations and the data a Pass state shapes', () => {
    const def = machine({
      A: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: { QueueUrl: '${QueueUrl}', FunctionName: 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:f' }, Next: 'Sample' },
      // A replayed sample event, as event players and test harnesses hold: data, not something the machine calls.
      Sample: pass({ Result: { account: '123456789012', resources: ['arn:aws:states:us-west-2:123456789012:execution:m:1'] }, End: true }),
    });
    expect(codes(def, 'hardcoded-account')).toEqual([]);
  });
  it('path-missing-dollar reads nested templates: ItemReader, ResultWriter, Assign, catchers, Choice rules', () => {
    const def = machine({
      M: {
        Type: 'Map', MaxConcurrency: 2,
        ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: '$.bucket', 'Key.$': '$.key' } },
        ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: { deeper: '$$.Execution.Name' } } },
        ItemSelector: { item: { value: '$$.Map.Item.Value' } },
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, ...branch({ I: pass({ End: true }) }) },
        Catch: [{ ErrorEquals: ['States.ALL'], Assign: { cause: '$.Cause' }, Next: 'C' }], Next: 'C',
      },
      C: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Assign: { a: "States.Format('{}', $.a)" }, Next: 'D' }], Default: 'D' },
      D: { Type: 'Succeed' },
    });
    expect(codes(def, 'path-missing-dollar')).toEqual([
      '/States/M/ItemReader/Parameters/Bucket', '/States/M/ResultWriter/Parameters/Bucket/deeper', '/States/M/ItemSelector/item/value',
      '/States/M/Catch/0/Assign/cause', '/States/C/Choices/0/Assign/a',
    ]);
  });
});

