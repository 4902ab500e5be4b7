// The checks read fields through the typed view, which leaves out a value of the wrong kind. Where the
// question is which keys a person wrote (or a deploy-time value the view cannot hold), they still see it.
import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../../src/validate/index.js';

function codesAt(definition: unknown, code: string): string[] {
  return validateDefinition(definition)
    .findings.filter((f) => f.code === code)
    .map((f) => f.path);
}

const one = (state: Record<string, unknown>, top: Record<string, unknown> = {}) => ({ ...top, StartAt: 'S', States: { S: state, Done: { Type: 'Succeed' } } });

describe('keys as written', () => {
  it('a Next of the wrong kind is still a Next: no missing-transition, and with End: true it is one too many', () => {
    expect(codesAt(one({ Type: 'Pass', Next: 5 }), 'missing-transition')).toEqual([]);
    expect(codesAt(one({ Type: 'Pass', Next: 5, End: true }), 'next-and-end')).toEqual(['/States/S/End']);
  });

  it('a Choice rule whose Next is of the wrong kind has a Next', () => {
    const choice = { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 5 }], Default: 'Done' };
    expect(codesAt(one(choice), 'choice-rule-next')).toEqual([]);
  });

  it('two exclusive fields are both written even when one holds a value of the wrong kind', () => {
    expect(codesAt(one({ Type: 'Wait', Seconds: true, SecondsPath: '$.s', Next: 'Done' }), 'mutually-exclusive-fields')).toEqual(['/States/S/SecondsPath']);
    const map = {
      Type: 'Map',
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'I', States: { I: { Type: 'Succeed' } } },
      ItemBatcher: { MaxItemsPerBatch: true, MaxItemsPerBatchPath: '$.n' },
      Next: 'Done',
    };
    expect(codesAt(one(map), 'mutually-exclusive-fields')).toEqual(['/States/S/ItemBatcher/MaxItemsPerBatchPath']);
  });

  it('a JSONPath field in a JSONata state is out of place whatever its value', () => {
    expect(codesAt(one({ Type: 'Pass', InputPath: 5, Next: 'Done' }, { QueryLanguage: 'JSONata' }), 'query-language-field')).toEqual(['/States/S/InputPath']);
  });
});

describe('values the view leaves out', () => {
  const map = (mode: unknown) => ({
    Type: 'Map',
    ItemProcessor: { ProcessorConfig: { Mode: mode }, StartAt: 'I', States: { I: { Type: 'Succeed' } } },
    ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'b', Key: 'k' } },
    Next: 'Done',
  });

  it('a ${Mode} placeholder leaves a Map\'s mode unknown, so its Distributed-only fields are not judged', () => {
    expect(codesAt(one(map('${Mode}')), 'distributed-map-only-field')).toEqual([]);
    expect(codesAt(one(map({ Ref: 'Mode' })), 'distributed-map-only-field')).toEqual([]);
    expect(codesAt(one(map('INLINE')), 'distributed-map-only-field')).toEqual(['/States/S/ItemReader']);
  });

  it('a type test of the wrong kind is explained, and a misspelt operator is pointed at', () => {
    const choice = (rule: Record<string, unknown>) => one({ Type: 'Choice', Choices: [{ Variable: '$.a', Next: 'Done', ...rule }], Default: 'Done' });
    const [wrongKind] = validateDefinition(choice({ IsNull: 'yes' })).findings.filter((f) => f.code === 'choice-rule-operator');
    expect(wrongKind?.message).toBe('"IsNull" takes true or false, not the string "yes"');
    expect(codesAt(choice({ StringEqual: 'x' }), 'choice-rule-operator')).toEqual(['/States/S/Choices/0/StringEqual']);
  });

  it('Credentials keys the view does not have are reported where they are written', () => {
    expect(codesAt(one({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Credentials: { RoleArn: 'arn:aws:iam::1:role/r', Role: 'x' }, Next: 'Done' }), 'invalid-credentials')).toEqual([
      '/States/S/Credentials/Role',
    ]);
  });
});
