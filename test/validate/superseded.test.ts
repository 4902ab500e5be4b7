// One mistake, one diagnostic: a key the schema does not know, which a semantic check explains better
// at the same place, is reported once, by the semantic check.
import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../src/validate/index.js';

const choiceWith = (rule: Record<string, unknown>) => ({
  StartAt: 'C',
  States: {
    C: { Type: 'Choice', Choices: [{ Variable: '$.ok', ...rule, Next: 'Done' }], Default: 'Done' },
    Done: { Type: 'Succeed' },
  },
});

describe('findings of both stages at one place', () => {
  it('reports a misspelt comparison operator once, with the suggestion', () => {
    const { findings } = validateDefinition(choiceWith({ BooleanEqual: true }));
    expect(findings.map((f) => [f.code, f.path])).toEqual([['choice-rule-operator', '/States/C/Choices/0/BooleanEqual']]);
    expect(findings[0]!.message).toContain('did you mean "BooleanEquals"?');
  });

  it('reports a …Path comparison operand that is no path once: wrong-type for a number, invalid-path for a plain string', () => {
    const number = validateDefinition(choiceWith({ StringEqualsPath: 5 })).findings;
    expect(number.map((f) => [f.code, f.path])).toEqual([['wrong-type', '/States/C/Choices/0/StringEqualsPath']]);
    const word = validateDefinition(choiceWith({ NumericEqualsPath: 'n' })).findings;
    expect(word.map((f) => [f.code, f.path])).toEqual([['invalid-path', '/States/C/Choices/0/NumericEqualsPath']]);
  });

  it('keeps unknown-field where no semantic check speaks about the key', () => {
    const { findings } = validateDefinition({ StartAt: 'P', States: { P: { Type: 'Pass', Nxt: 'Q', End: true } } });
    expect(findings.map((f) => f.code)).toContain('unknown-field');
  });
});

describe('a retrier value out of range', () => {
  it('is reported once, by retry-limit, not also as a schema invalid-value', () => {
    const { findings } = validateDefinition({
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: -1, BackoffRate: 0.5, IntervalSeconds: 0, MaxDelaySeconds: 0 }],
          End: true,
        },
      },
    });
    const retry = findings.filter((f) => f.path.startsWith('/States/T/Retry/0/'));
    expect(retry.map((f) => `${f.code} ${f.path}`).sort()).toEqual([
      'retry-limit /States/T/Retry/0/BackoffRate',
      'retry-limit /States/T/Retry/0/IntervalSeconds',
      'retry-limit /States/T/Retry/0/MaxAttempts',
      'retry-limit /States/T/Retry/0/MaxDelaySeconds',
    ]);
  });

  it('keeps invalid-value where no semantic check speaks about the value', () => {
    const { findings } = validateDefinition({ StartAt: 'P', TimeoutSeconds: -1, States: { P: { Type: 'Pass', End: true } } });
    expect(findings.map((f) => [f.code, f.path])).toEqual([['invalid-value', '/TimeoutSeconds']]);
  });
});
