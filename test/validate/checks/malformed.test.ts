// The structure checks run on definitions that failed the schema stage too, so they must never
// throw on values of the wrong type, and must stay silent about what the schema reports.
import { describe, expect, it } from 'vitest';
import { runStructureChecks } from './corpus-helpers.js';

const malformed: Array<[string, unknown]> = [
  ['null', null],
  ['an array', []],
  ['States as an array', { StartAt: 'A', States: [] }],
  ['StartAt of the wrong type', { StartAt: 1, States: { A: { Type: 'Succeed' } } }],
  ['states that are not objects', { StartAt: 'A', States: { A: null, B: 3, C: { Type: 'Succeed' } } }],
  [
    'Choice rules of every wrong shape',
    {
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [null, 1, 'x', { And: 'x', Next: 'D' }, { Not: [], Next: 'D' }, { Or: [null, 2], Next: 'D' }], Default: 7 },
        D: { Type: 'Succeed' },
      },
    },
  ],
  [
    'Retry, Catch and Map fields of the wrong type',
    {
      StartAt: 'T',
      States: {
        T: { Type: 'Task', Resource: 'x', Retry: 'x', Catch: [null, { ErrorEquals: 'States.ALL', Next: 4 }], TimeoutSeconds: 'x', Next: 'M' },
        M: { Type: 'Map', ItemProcessor: 'x', ItemBatcher: 5, Label: 5, ToleratedFailurePercentage: '50', End: true },
      },
    },
  ],
  [
    'names and types that exist on Object.prototype',
    { StartAt: 'constructor', States: { constructor: { Type: 'constructor', toString: 1, End: true }, __proto__x: { Type: 'toString' } } },
  ],
  ['Branches and processors without States', { StartAt: 'P', States: { P: { Type: 'Parallel', Branches: [null, {}, { StartAt: 'X' }], End: true } } }],
];

describe('structure checks on malformed definitions', () => {
  for (const [what, definition] of malformed) {
    it(`do not throw on ${what}`, () => {
      expect(() => runStructureChecks(definition)).not.toThrow();
    });
  }

  it('say nothing about fields whose type is wrong (the schema stage reports those)', () => {
    const findings = runStructureChecks(malformed[6]![1]);
    // Strings in number fields pass the schema (JSONata states may write expressions there), so the
    // query-language check is the one to report them in these JSONPath states.
    expect(findings.filter((f) => f.code !== 'string-in-number-field').map((f) => f.path)).toEqual([]);
    expect(findings.map((f) => f.path).sort()).toEqual(['/States/M/ToleratedFailurePercentage', '/States/T/TimeoutSeconds']);
  });
});
