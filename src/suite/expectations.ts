/**
 * Checks a scenario's `expect` against what its execution did. Every expectation given is checked and
 * every one that does not hold is reported, so one run shows all that is wrong.
 */
import { deepEqual } from '../run/equality.js';
import { checkAssertions } from './assertions.js';
import { contains } from './contains.js';
import type { Outcome } from './outcome.js';
import type { Expectations, Failure, Matcher, StateExpectation } from './types.js';

function matches(matcher: Matcher, actual: string | undefined): boolean {
  if (typeof matcher === 'string') return actual === matcher;
  return actual !== undefined && new RegExp(matcher.matches).test(actual);
}

function describeMatcher(matcher: Matcher): string {
  return typeof matcher === 'string' ? JSON.stringify(matcher) : `a match for /${matcher.matches}/`;
}

function isSubsequence(wanted: string[], path: string[]): boolean {
  let at = 0;
  for (const name of path) if (name === wanted[at]) at++;
  return at === wanted.length;
}

type Add = (failure: Failure) => void;

const times = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function checkValue(add: Add, label: string, kind: 'equal' | 'contains', expected: unknown, actual: unknown): void {
  const ok = kind === 'equal' ? deepEqual(actual, expected) : contains(actual, expected);
  if (ok) return;
  if (actual === undefined) add({ expectation: label, message: `there is no ${label.replace(/Contains$/, '')} to compare (the execution did not produce one)`, expected, actual });
  else add({ expectation: label, message: kind === 'equal' ? `${label} differs` : `${label} does not contain the expected value`, expected, actual });
}

function checkMatcher(add: Add, label: string, matcher: Matcher, actual: string | undefined): void {
  if (!matches(matcher, actual)) add({ expectation: label, message: `expected ${label} ${describeMatcher(matcher)}, got ${actual === undefined ? 'none' : JSON.stringify(actual)}`, expected: matcher, actual });
}

function checkState(add: Add, outcome: Outcome, name: string, want: StateExpectation): void {
  const label = (field: string) => `states.${name}.${field}`;
  const record = outcome.observer.record(name);
  const calls = record?.calls ?? 0;
  if (want.calls !== undefined && calls !== want.calls) add({ expectation: label('calls'), message: `expected ${name} to be entered ${times(want.calls, 'time', 'times')}, it was entered ${times(calls, 'time', 'times')}`, expected: want.calls, actual: calls });
  if (want.retries !== undefined && (record?.retries ?? 0) !== want.retries) add({ expectation: label('retries'), message: `expected ${times(want.retries, 'retry', 'retries')} of ${name}, there ${(record?.retries ?? 0) === 1 ? 'was' : 'were'} ${record?.retries ?? 0}`, expected: want.retries, actual: record?.retries ?? 0 });
  const valueKeys = ['input', 'inputContains', 'output', 'outputContains', 'error'] as const;
  if (!record) {
    if (valueKeys.some((k) => want[k] !== undefined)) add({ expectation: label(valueKeys.find((k) => want[k] !== undefined)!), message: `${name} was never entered, so it has no input, output or error to check` });
    return;
  }
  if (want.input !== undefined) checkValue(add, label('input'), 'equal', want.input, record.lastInput);
  if (want.inputContains !== undefined) checkValue(add, label('inputContains'), 'contains', want.inputContains, record.lastInput);
  if (want.output !== undefined) checkValue(add, label('output'), 'equal', want.output, record.lastOutput);
  if (want.outputContains !== undefined) checkValue(add, label('outputContains'), 'contains', want.outputContains, record.lastOutput);
  if (want.error !== undefined) checkMatcher(add, label('error'), want.error, record.lastError?.error);
}

export async function checkExpectations(expect: Expectations | undefined, outcome: Outcome): Promise<Failure[]> {
  const failures: Failure[] = [];
  if (!expect) return failures;
  const add: Add = (f) => void failures.push(f);
  if (expect.status !== undefined && outcome.status !== expect.status) {
    const why = outcome.error !== undefined ? ` (${outcome.error}${outcome.cause !== undefined ? `: ${outcome.cause}` : ''})` : '';
    add({ expectation: 'status', message: `expected status ${expect.status}, got ${outcome.status}${why}`, expected: expect.status, actual: outcome.status });
  }
  if (expect.output !== undefined) checkValue(add, 'output', 'equal', expect.output, outcome.output);
  if (expect.outputContains !== undefined) checkValue(add, 'outputContains', 'contains', expect.outputContains, outcome.output);
  if (expect.error !== undefined) checkMatcher(add, 'error', expect.error, outcome.error);
  if (expect.cause !== undefined) checkMatcher(add, 'cause', expect.cause, outcome.cause);
  if (expect.path !== undefined && !deepEqual(outcome.path, expect.path)) add({ expectation: 'path', message: 'the path differs', expected: expect.path, actual: outcome.path });
  if (expect.pathContains !== undefined && !isSubsequence(expect.pathContains, outcome.path)) {
    add({ expectation: 'pathContains', message: `the path does not pass through ${expect.pathContains.join(' → ')} in that order`, expected: expect.pathContains, actual: outcome.path });
  }
  for (const [name, want] of Object.entries(expect.states ?? {})) checkState(add, outcome, name, want);
  if (expect.variables !== undefined) checkValue(add, 'variables', 'equal', expect.variables, outcome.observer.variables);
  if (expect.variablesContain !== undefined) checkValue(add, 'variablesContain', 'contains', expect.variablesContain, outcome.observer.variables);
  if (expect.maxTransitions !== undefined && outcome.transitions > expect.maxTransitions) {
    add({ expectation: 'maxTransitions', message: `the execution made ${outcome.transitions} billed state transitions, more than the ${expect.maxTransitions} allowed`, expected: expect.maxTransitions, actual: outcome.transitions });
  }
  if (expect.assert) failures.push(...(await checkAssertions(expect.assert, outcome)));
  return failures;
}
