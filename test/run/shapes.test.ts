/** validateMockShape: stub results against the response shapes generated from the AWS SDK's service models. */
import { describe, expect, test } from 'vitest';
import { OPTIMIZED_SERVICES } from '../../src/asl/service-integrations.js';
import { hasMockShape, serviceCallOf, validateMockShape } from '../../src/run/stubs/shapes/index.js';
import { stubFileShapeTargets } from '../../src/run/stubs/shape-targets.js';

const LAMBDA = 'arn:aws:states:::lambda:invoke';
const GET_ITEM = 'arn:aws:states:::dynamodb:getItem';

describe('validateMockShape', () => {
  test('a Lambda result without its Payload wrapper is reported, with how to fix it', () => {
    const problems = validateMockShape(LAMBDA, { approved: true }, 'PRESENT');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.pointer).toBe('/approved');
    expect(problems[0]!.message).toContain('the lambda:invoke response has no field "approved"');
    expect(problems[0]!.message).toContain('"Payload"');
  });

  test('the Lambda response as Step Functions returns it passes: Payload is any JSON, the SDK metadata is allowed', () => {
    const result = {
      ExecutedVersion: '$LATEST',
      Payload: [1, { a: 'b' }],
      SdkHttpMetadata: { HttpStatusCode: 200, HttpHeaders: {}, AllHttpHeaders: {} },
      SdkResponseMetadata: { RequestId: 'r-1' },
      StatusCode: 200,
    };
    expect(validateMockShape(LAMBDA, result, 'STRICT')).toEqual([]);
    expect(validateMockShape(`${LAMBDA}.waitForTaskToken`, { anything: 1 }, 'STRICT')).toEqual([]);
  });

  test('a DynamoDB item without type descriptors is reported at the attribute, naming the expected shape', () => {
    const problems = validateMockShape(GET_ITEM, { Item: { id: '1', total: { N: 5 } } }, 'PRESENT');
    expect(problems.map((p) => p.pointer)).toEqual(['/Item/id', '/Item/total/N']);
    expect(problems[0]!.message).toMatch(/^must be an object with S, N, .*DynamoDB attribute value.* not a string$/);
    expect(problems[1]!.message).toBe('must be a string in the dynamodb:getItem response, not an integer');
    expect(validateMockShape(GET_ITEM, { Item: { id: { S: '1' }, total: { N: '5' }, tags: { L: [{ S: 'a' }] } } }, 'STRICT')).toEqual([]);
  });

  test('a misspelt field is a typo in every mode but NONE, with the field meant', () => {
    const problems = validateMockShape(LAMBDA, { Paylod: {}, StatusCode: 200 }, 'PRESENT');
    expect(problems).toEqual([{ pointer: '/Paylod', message: expect.stringContaining('did you mean "Payload"?') }]);
    expect(validateMockShape(LAMBDA, { Paylod: {} }, 'NONE')).toEqual([]);
  });

  test('present lets an unrecognised field beside known ones through (the service may have added it); strict does not', () => {
    const result = { ETag: '"e"', ChecksumType: 'FULL_OBJECT' };
    expect(validateMockShape('arn:aws:states:::aws-sdk:s3:putObject', result, 'PRESENT')).toEqual([]);
    expect(validateMockShape('arn:aws:states:::aws-sdk:s3:putObject', result, 'STRICT').map((p) => p.pointer)).toEqual(['/ChecksumType']);
  });

  test('strict also wants the fields the service always returns', () => {
    const start = 'arn:aws:states:::aws-sdk:sfn:startExecution';
    expect(validateMockShape(start, { ExecutionArn: 'arn:x' }, 'PRESENT')).toEqual([]);
    expect(validateMockShape(start, { ExecutionArn: 'arn:x' }, 'STRICT')).toEqual([{ pointer: '', message: expect.stringContaining('"StartDate" is missing') }]);
  });

  test('types: integers, timestamps as text or seconds, lists', () => {
    const s3 = 'arn:aws:states:::aws-sdk:s3:getObject';
    expect(validateMockShape(s3, { Body: 'text', ContentLength: 4, LastModified: '2024-01-01T00:00:00Z' }, 'STRICT')).toEqual([]);
    expect(validateMockShape(s3, { ContentLength: 4.5 }, 'STRICT')[0]!.message).toContain('must be an integer');
    const list = 'arn:aws:states:::aws-sdk:s3:listObjectsV2';
    expect(validateMockShape(list, { Contents: [{ Key: 'a', Size: 1 }, { Key: 2 }] }, 'PRESENT')).toEqual([{ pointer: '/Contents/1/Key', message: expect.stringContaining('must be a string') }]);
    expect(validateMockShape(list, { Contents: { Key: 'a' } }, 'PRESENT')[0]!.message).toContain('must be a list of objects');
  });

  test('a resource with no service shape is not checked', () => {
    for (const resource of ['arn:aws:lambda:us-east-1:123456789012:function:f', 'arn:aws:states:us-east-1:123456789012:activity:a', 'arn:aws:states:::http:invoke', 'arn:aws:states:::ecs:runTask.sync', 'arn:aws:states:::aws-sdk:nosuch:thing']) {
      expect(validateMockShape(resource, 'anything', 'STRICT')).toEqual([]);
    }
  });

  test('a partition placeholder does not hide the call', () => {
    expect(serviceCallOf('arn:${AWS::Partition}:states:::dynamodb:getItem')).toEqual({ kind: 'optimized', service: 'dynamodb', action: 'getItem' });
    expect(validateMockShape('arn:${AWS::Partition}:states:::dynamodb:getItem', { Item: { id: 1 } }, 'PRESENT')).toHaveLength(1);
  });

  test('deep and wide results are checked without overflowing, with at most 20 problems', () => {
    let deep: unknown = { S: 'x' };
    for (let i = 0; i < 20000; i++) deep = { M: { a: deep } };
    expect(validateMockShape(GET_ITEM, { Item: { a: deep } }, 'STRICT')).toEqual([]);
    const wide = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i]));
    expect(validateMockShape(GET_ITEM, { Item: wide }, 'STRICT')).toHaveLength(20);
  });
});

describe('the generated shapes', () => {
  test('cover every optimized request-response integration that calls an AWS API', () => {
    const noSdkCall = ['apigateway:invoke', 'http:invoke', 'eks:call', 'eks:runJob'];
    const missing: string[] = [];
    for (const [service, { actions }] of Object.entries(OPTIMIZED_SERVICES)) {
      for (const action of Object.keys(actions)) {
        if (!noSdkCall.includes(`${service}:${action}`) && !hasMockShape(`arn:aws:states:::${service}:${action}`)) missing.push(`${service}:${action}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('cover the aws-sdk services the real-world corpus calls most', () => {
    for (const call of ['s3:getObject', 'dynamodb:query', 'sfn:startExecution', 'bedrockagent:startIngestionJob', 'rekognition:detectLabels', 'glue:getJobRun', 'ec2:describeInstances', 'secretsmanager:getSecretValue', 'ssm:getParameter']) {
      expect(hasMockShape(`arn:aws:states:::aws-sdk:${call}`), call).toBe(true);
    }
  });
});

describe('stubFileShapeTargets', () => {
  const definition = {
    StartAt: 'A',
    States: {
      A: { Type: 'Task', Resource: LAMBDA, Next: 'P' },
      P: { Type: 'Parallel', Branches: [{ StartAt: 'B', States: { B: { Type: 'Task', Resource: GET_ITEM, End: true } } }], End: true },
    },
  };

  test('pairs each fixed result (sequences too) with the resource of the state it answers; computed answers are skipped', () => {
    const targets = stubFileShapeTargets(definition, {
      states: { A: { sequence: [{ error: 'E' }, { result: 1 }] }, 'P/0/B': { result: 2 }, Nope: { result: 3 } },
      resources: { 'arn:aws:states:::dynamodb:*': { result: 4 }, 'arn:aws:states:::sns:publish': { expression: '{% 1 %}' } },
    });
    expect(targets).toEqual([
      { resource: LAMBDA, pointer: '/states/A/sequence/1/result', result: 1 },
      { resource: GET_ITEM, pointer: '/states/P~10~1B/result', result: 2 },
      { resource: GET_ITEM, pointer: '/resources/arn:aws:states:::dynamodb:*/result', result: 4 },
    ]);
  });
});

describe('operations that return nothing', () => {
  test('answer {} and nothing else', () => {
    const resource = 'arn:aws:states:::aws-sdk:s3:deleteBucket';
    expect(hasMockShape(resource)).toBe(true);
    expect(validateMockShape(resource, {}, 'STRICT')).toEqual([]);
    expect(validateMockShape(resource, { Deleted: true }, 'PRESENT')).toEqual([{ pointer: '', message: 'must be {}: the aws-sdk:s3:deleteBucket response has no fields' }]);
  });
});
