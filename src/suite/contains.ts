/**
 * `outputContains` and friends: the expected value is a subset of the actual one. Every key given must be
 * present with a value that contains the expected one; every element of an expected array must be
 * contained by some element of the actual array; scalars compare by JSON equality (1 and 1.0 alike).
 */
import { deepEqual } from '../run/equality.js';

export function contains(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && expected.every((item) => actual.some((candidate) => contains(candidate, item)));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const record = actual as Record<string, unknown>;
    return Object.entries(expected).every(([key, value]) => Object.prototype.hasOwnProperty.call(record, key) && contains(record[key], value));
  }
  return deepEqual(actual, expected);
}
