import { describe, expect, it } from 'vitest';
import { COMPARISON_OPERATORS, isRfc3339Timestamp, matchesKind, stringMatchesProblem } from '../../../src/validate/checks/choice-operators.js';

describe('the Choice operator table', () => {
  it('has a Path form for every value operator except StringMatches', () => {
    expect(COMPARISON_OPERATORS.get('TimestampLessThanEqualsPath')).toBe('path');
    expect(COMPARISON_OPERATORS.has('StringMatchesPath')).toBe(false);
    expect(COMPARISON_OPERATORS.get('IsTimestamp')).toBe('boolean');
  });

  it('accepts a path operand only when it starts with $', () => {
    expect(matchesKind('$.a', 'path')).toBe(true);
    expect(matchesKind('$$.Execution.Id', 'path')).toBe(true);
    expect(matchesKind('a.b', 'path')).toBe(false);
  });
});

describe('isRfc3339Timestamp', () => {
  it.each(['2024-03-14T01:59:00Z', '2024-03-14T01:59:00.123Z', '2024-02-29T23:59:59+05:30'])('accepts %s', (value) => {
    expect(isRfc3339Timestamp(value)).toBe(true);
  });
  it.each(['2024-03-14', '2024-03-14 01:59:00Z', '2024-03-14t01:59:00z', '2023-02-29T00:00:00Z', '2024-03-14T24:00:00Z', '2024-03-14T01:59:00'])(
    'rejects %s',
    (value) => {
      expect(isRfc3339Timestamp(value)).toBe(false);
    },
  );
});

describe('stringMatchesProblem', () => {
  it('accepts plain text, wildcards, \\* and \\\\', () => {
    expect(stringMatchesProblem('log-*.txt')).toBeUndefined();
    expect(stringMatchesProblem('a\\*b\\\\c')).toBeUndefined();
  });
  it('rejects any other escape and a trailing backslash', () => {
    expect(stringMatchesProblem('a\\nb')).toBe('"\\n" at position 1 is not a valid escape');
    expect(stringMatchesProblem('abc\\')).toBe('it ends with a lone backslash');
  });
});
