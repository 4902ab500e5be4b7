// The structure checks are registered with validate: validateDefinition reports every mistake of a
// definition in one pass, each at its deepest pointer.
import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../../src/validate/index.js';
import { semanticChecks } from '../../../src/validate/checks/index.js';
import { structureChecks } from '../../../src/validate/checks/structure.js';

describe('validateDefinition with the structure checks', () => {
  it('runs every structure check', () => {
    for (const check of structureChecks) expect(semanticChecks).toContain(check);
  });

  it('reports five mistakes in one definition as five findings', () => {
    const definition = {
      StartAt: 'Charge',
      States: {
        Charge: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Retry: [{ ErrorEquals: ['States.ALL'], BackoffRate: 0.5 }],
          Next: 'Shipp',
        },
        Ship: { Type: 'Pass', Next: 'Route', End: true },
        Route: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericEquals: '1', Next: 'Wait' }], Default: 'Done' },
        Wait: { Type: 'Wait', Seconds: 1, SecondsPath: '$.s', End: true },
        Done: { Type: 'Succeed' },
      },
    };
    const ours = new Set(structureChecks.flatMap((c) => Object.keys(c.codes)));
    const findings = validateDefinition(definition).findings.filter((f) => ours.has(f.code));
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['unknown-state', '/States/Charge/Next'],
      ['next-and-end', '/States/Ship/End'],
      ['choice-rule-operator', '/States/Route/Choices/0/NumericEquals'],
      ['retry-limit', '/States/Charge/Retry/0/BackoffRate'],
      ['mutually-exclusive-fields', '/States/Wait/SecondsPath'],
    ]);
  });
});
