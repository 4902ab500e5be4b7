/** A Distributed Map over 100,000 items read from a stubbed ItemReader: runs, stays small, keeps its children's events out of the parent history. */
import { expect, test } from 'vitest';
import { execute } from '../../src/run/index.js';

const definition = {
  StartAt: 'Each',
  States: {
    Each: {
      Type: 'Map',
      ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSONL' }, Parameters: { Bucket: 'b', Key: 'items.jsonl' } },
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
        StartAt: 'Keep',
        States: { Keep: { Type: 'Pass', Parameters: { 'v.$': '$.n' }, End: true } },
      },
      ResultSelector: { 'count.$': 'States.ArrayLength($)', 'last.$': '$[99999].v' },
      End: true,
    },
  },
};

test('runs 100,000 items with a handful of parent history events and bounded memory', async () => {
  const text = Array.from({ length: 100_000 }, (_, i) => JSON.stringify({ n: i })).join('\n');
  const before = process.memoryUsage().heapUsed;
  const result = await execute(definition, {}, { answerer: { answer: async () => undefined, readItems: async () => text } });
  expect(result).toMatchObject({ status: 'SUCCEEDED', output: { count: 100_000, last: 99_999 } });
  expect(result.history.length).toBeLessThan(20);
  expect(process.memoryUsage().heapUsed - before).toBeLessThan(400 * 1024 * 1024);
});

test('ReaderConfig MaxItems, MaxItemsPath and a JSONata MaxItems cap the items read', async () => {
  const text = Array.from({ length: 10 }, (_, i) => JSON.stringify({ n: i })).join('\n');
  const answerer = { answer: async () => undefined, readItems: async () => text };
  const withConfig = (config: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    ...extra,
    StartAt: 'Each',
    States: {
      Each: {
        ...definition.States.Each,
        ItemReader: { ...definition.States.Each.ItemReader, ReaderConfig: { InputType: 'JSONL', ...config } },
        ResultSelector: { 'count.$': 'States.ArrayLength($)' },
      },
    },
  });
  expect((await execute(withConfig({ MaxItems: 3 }), {}, { answerer })).output).toEqual({ count: 3 });
  expect((await execute(withConfig({ MaxItemsPath: '$.limit' }), { limit: 4 }, { answerer })).output).toEqual({ count: 4 });
  const bad = await execute(withConfig({ MaxItemsPath: '$.limit' }), { limit: 'x' }, { answerer });
  expect(bad).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  const jsonata = withConfig({ MaxItems: '{% $states.input.limit %}' });
  const each = jsonata.States.Each as Record<string, unknown>;
  delete each.ResultSelector;
  each.QueryLanguage = 'JSONata';
  each.ItemReader = { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSONL', MaxItems: '{% $states.input.limit %}' }, Arguments: { Bucket: 'b', Key: 'k' } };
  each.ItemProcessor = { ...(each.ItemProcessor as object), States: { Keep: { Type: 'Pass', End: true } } };
  each.Output = '{% $count($states.result) %}';
  expect((await execute(jsonata, { limit: 2 }, { answerer })).output).toBe(2);
});
