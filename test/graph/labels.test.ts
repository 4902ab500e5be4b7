import { describe, expect, test } from 'vitest';
import { describeCatch, describeCondition, describeResource, describeRetries, describeWait, shorten } from '../../src/graph/labels.js';

describe('describeCondition', () => {
  test.each([
    [{ Variable: '$.total', NumericGreaterThan: 1000 }, '$.total > 1000'],
    [{ Variable: '$.total', NumericGreaterThanEquals: 10 }, '$.total >= 10'],
    [{ Variable: '$.total', NumericLessThan: 0 }, '$.total < 0'],
    [{ Variable: '$.total', NumericLessThanEqualsPath: '$.limit' }, '$.total <= $.limit'],
    [{ Variable: '$.status', StringEquals: 'rush' }, '$.status == "rush"'],
    [{ Variable: '$.status', StringEqualsPath: '$.wanted' }, '$.status == $.wanted'],
    [{ Variable: '$.file', StringMatches: '*.csv' }, '$.file matches "*.csv"'],
    [{ Variable: '$.when', TimestampGreaterThan: '2024-01-01T00:00:00Z' }, '$.when > "2024-01-01T00:00:00Z"'],
    [{ Variable: '$.ok', BooleanEquals: false }, '$.ok == false'],
    [{ Variable: '$.x', IsPresent: false }, '$.x is absent'],
    [{ Variable: '$.x', IsNull: true }, '$.x is null'],
    [{ Variable: '$.x', IsNumeric: false }, '$.x is not a number'],
    [{ Not: { Variable: '$.x', IsString: true } }, 'not $.x is a string'],
    [{ Not: { Or: [{ Variable: '$.a', IsNull: true }, { Variable: '$.b', IsNull: true }] } }, 'not ($.a is null or $.b is null)'],
    [{ Condition: '{%   $states.input.total   > 1000 %}' }, '{% $states.input.total > 1000 %}'],
    [{ Condition: false }, 'false'],
    [{ Variable: '$.x' }, '$.x'],
    [{ And: 'nope' }, '?'],
    [null, '?'],
  ])('%j reads %s', (rule, text) => {
    expect(describeCondition(rule)).toBe(text);
  });

  test('a long condition is cut with an ellipsis', () => {
    const text = describeCondition({ Variable: '$.a.very.long.path.into.the.input.document', StringEquals: 'and a long value too' });
    expect(text).toHaveLength(48);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('describeResource', () => {
  test.each([
    ['arn:aws:states:::lambda:invoke', 'lambda:invoke'],
    ['arn:aws:states:::lambda:invoke.waitForTaskToken', 'lambda:invoke.waitForTaskToken'],
    ['arn:aws:states:::dynamodb:putItem', 'dynamodb:putItem'],
    ['arn:aws:states:::aws-sdk:s3:getObject', 's3:getObject'],
    ['arn:aws:states:::states:startExecution.sync:2', 'states:startExecution.sync:2'],
    ['arn:${AWS::Partition}:states:::sns:publish', 'sns:publish'],
    ['arn:aws:lambda:eu-west-1:123456789012:function:Ship:live', 'lambda:invoke Ship'],
    ['arn:aws:states:eu-west-1:123456789012:activity:Approve', 'activity Approve'],
    ['arn:aws:sqs:eu-west-1:123456789012:queue', 'sqs queue'],
    ['${OrderFunctionArn}', '${OrderFunctionArn}'],
    [{ 'Fn::GetAtt': ['Fn', 'Arn'] }, 'Fn::GetAtt Fn.Arn'],
    [{ 'Fn::GetAtt': 'Fn.Arn' }, 'Fn::GetAtt Fn.Arn'],
    [{ Ref: 'Fn' }, 'Ref Fn'],
    [{ 'Fn::Join': ['', [{ Ref: 'X' }]] }, 'Fn::Join'],
    [42, undefined],
  ])('%j is shown as %s', (resource, text) => {
    expect(describeResource(resource)).toBe(text);
  });
});

describe('describeWait', () => {
  test.each([
    [{ Seconds: 10 }, 'wait 10 s'],
    [{ Seconds: '{% $states.input.delay %}' }, 'wait {% $states.input.delay %}'],
    [{ SecondsPath: '$.delay' }, 'wait $.delay'],
    [{ Timestamp: '2024-01-01T00:00:00Z' }, 'until 2024-01-01T00:00:00Z'],
    [{ TimestampPath: '$.when' }, 'until $.when'],
    [{ Seconds: { a: 1 } }, 'wait ?'],
    [{}, undefined],
  ])('%j reads %s', (raw, text) => {
    expect(describeWait(raw)).toBe(text);
  });
});

describe('retries and catches', () => {
  test('each retrier is one line: attempts (3 by default), the first error, … when there are more', () => {
    expect(describeRetries([{ ErrorEquals: ['Lambda.ServiceException', 'Lambda.TooManyRequestsException'], MaxAttempts: 6 }, { ErrorEquals: ['States.ALL'] }])).toEqual([
      'retry ×6 Lambda.ServiceException …',
      'retry ×3 States.ALL',
    ]);
  });

  test('odd retriers still give a line, and no Retry gives none', () => {
    expect(describeRetries([{ MaxAttempts: null }, 'x'])).toEqual(['retry ×?', 'retry']);
    expect(describeRetries(undefined)).toEqual([]);
  });

  test('a catcher is labelled with its error names', () => {
    expect(describeCatch({ ErrorEquals: ['States.TaskFailed', 'States.Timeout'], Next: 'X' })).toBe('States.TaskFailed, States.Timeout');
    expect(describeCatch('junk')).toBe('');
  });
});

test('shorten counts characters, not UTF-16 units, and collapses whitespace', () => {
  expect(shorten('🚀'.repeat(60), 10)).toBe('🚀'.repeat(9) + '…');
  expect(shorten('  a \n  b  ')).toBe('a b');
});
