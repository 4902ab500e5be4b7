/**
 * ResultWriter (Map) as the developer guide's page of that name describes it: with Resource and Parameters the
 * child results are exported (NONE records by default, COMPACT or FLATTEN outputs, a JSON array or JSON Lines)
 * and the state's output says where; a failed child keeps its whole record whatever the transformation.
 */
import { describe, expect, test } from 'vitest';
import { execute, type TaskAnswerer } from '../../src/run/index.js';

function machine(writerConfig?: Record<string, unknown>, failOn?: number) {
  const check = failOn === undefined
    ? { Type: 'Pass', Parameters: { 'pair.$': 'States.Array($.n, $.n)' }, OutputPath: '$.pair', End: true }
    : { Type: 'Choice', Choices: [{ Variable: '$.n', NumericEquals: failOn, Next: 'Boom' }], Default: 'Fine' };
  const states: Record<string, unknown> = failOn === undefined
    ? { Check: check }
    : { Check: check, Boom: { Type: 'Fail', Error: 'Boom', Cause: 'bad item' }, Fine: { Type: 'Pass', Parameters: { 'pair.$': 'States.Array($.n, $.n)' }, OutputPath: '$.pair', End: true } };
  return {
    StartAt: 'Map',
    States: {
      Map: {
        Type: 'Map',
        ItemsPath: '$.items',
        ToleratedFailureCount: 1,
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'Check', States: states },
        ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'amzn-s3-demo-bucket', Prefix: 'csvProcessJobs' }, ...(writerConfig ? { WriterConfig: writerConfig } : {}) },
        End: true,
      },
    },
  };
}

async function exported(writerConfig?: Record<string, unknown>, failOn?: number) {
  const files = new Map<string, string>();
  const answerer: TaskAnswerer = {
    answer: async () => undefined,
    writeResults: async ({ files: written }) => {
      for (const f of written) files.set(f.key, f.content);
    },
  };
  const result = await execute(machine(writerConfig, failOn), { items: [{ n: 1 }, { n: 2 }, { n: 3 }] }, { answerer });
  const file = (status: string) => [...files].find(([key]) => key.endsWith(`/${status}_0.json`))?.[1];
  return { result, files, file };
}

describe('ResultWriter (Map) with Resource and Parameters', () => {
  test('the state output names the Map Run and the manifest, whatever the WriterConfig', async () => {
    for (const config of [undefined, { Transformation: 'COMPACT', OutputType: 'JSONL' }]) {
      const { result, files } = await exported(config);
      expect(result.status).toBe('SUCCEEDED');
      const output = result.output as { MapRunArn: string; ResultWriterDetails: { Bucket: string; Key: string } };
      expect(output.MapRunArn).toMatch(/^arn:aws:states:us-east-1:123456789012:mapRun:LocalStateMachine\/Map:[0-9a-f-]{36}$/);
      expect(output.ResultWriterDetails).toEqual({ Bucket: 'amzn-s3-demo-bucket', Key: expect.stringMatching(/^csvProcessJobs\/[0-9a-f-]{36}\/manifest\.json$/) });
      const manifest = JSON.parse(files.get(output.ResultWriterDetails.Key)!);
      expect(manifest).toMatchObject({ DestinationBucket: 'amzn-s3-demo-bucket', MapRunArn: output.MapRunArn, ResultFiles: { FAILED: [], PENDING: [] } });
    }
  });

  test('without WriterConfig each child is a NONE record: its input, output and execution metadata', async () => {
    const { file } = await exported();
    const records = JSON.parse(file('SUCCEEDED')!) as Array<Record<string, unknown>>;
    expect(records).toHaveLength(3);
    expect(records[0]).toEqual({
      ExecutionArn: expect.stringMatching(/^arn:aws:states:us-east-1:123456789012:execution:LocalStateMachine\/Map:[0-9a-f]{8}-0$/),
      Input: '{"n":1}',
      InputDetails: { Included: true },
      Name: expect.stringMatching(/^[0-9a-f]{8}-0$/),
      Output: '[1,1]',
      OutputDetails: { Included: true },
      RedriveCount: 0,
      RedriveStatus: 'NOT_REDRIVABLE',
      RedriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven',
      StartDate: '2024-01-01T00:00:00Z',
      StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:LocalStateMachine/Map',
      Status: 'SUCCEEDED',
      StopDate: '2024-01-01T00:00:00Z',
    });
  });

  test('COMPACT writes the outputs, FLATTEN splices array outputs, JSONL writes one value a line', async () => {
    expect(JSON.parse((await exported({ Transformation: 'COMPACT' })).file('SUCCEEDED')!)).toEqual([[1, 1], [2, 2], [3, 3]]);
    expect(JSON.parse((await exported({ Transformation: 'FLATTEN', OutputType: 'JSON' })).file('SUCCEEDED')!)).toEqual([1, 1, 2, 2, 3, 3]);
    expect((await exported({ Transformation: 'FLATTEN', OutputType: 'JSONL' })).file('SUCCEEDED')).toBe('1\n1\n2\n2\n3\n3\n');
    expect((await exported({ Transformation: 'COMPACT', OutputType: 'JSONL' })).file('SUCCEEDED')).toBe('[1,1]\n[2,2]\n[3,3]\n');
  });

  test('a failed child keeps its whole record under COMPACT, with its error and cause', async () => {
    const { result, file } = await exported({ Transformation: 'COMPACT' }, 2);
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(file('SUCCEEDED')!)).toEqual([[1, 1], [3, 3]]);
    expect(JSON.parse(file('FAILED')!)).toEqual([expect.objectContaining({ Input: '{"n":2}', Error: 'Boom', Cause: 'bad item', Status: 'FAILED' })]);
  });
});
