/** asWritten: the object as written behind a view, nested views included, invisible to anything that lists a view's keys. */
import { describe, expect, it } from 'vitest';
import { asWritten, stateView } from '../../src/asl/state-view.js';
import type { ChoiceState, TaskState } from '../../src/asl/types.js';

describe('asWritten', () => {
  it('gives the object a state view, and each nested view, was projected from', () => {
    const rule = { Variable: '$.a', IsNull: 'yes', StringEqual: 'x', Next: 'B' };
    const raw = { Type: 'Choice', Choices: [rule], Default: 'B' };
    const view = stateView(raw) as ChoiceState;
    expect(asWritten(view)).toBe(raw);
    expect(asWritten(view.Choices![0]!)).toBe(rule);
    // The view itself keeps only fields of the right kind.
    expect(view.Choices![0]).toEqual({ Variable: '$.a', Next: 'B' });
  });

  it('gives nothing for a list entry that was not an object', () => {
    const view = stateView({ Type: 'Task', Retry: [null, 3, { ErrorEquals: ['States.ALL'] }] }) as TaskState;
    expect(view.Retry!.map((retrier) => asWritten(retrier))).toEqual([undefined, undefined, { ErrorEquals: ['States.ALL'] }]);
  });

  it('is not a key of the view: listing, spreading and printing a view do not see it', () => {
    const credentials = { RoleArn: 'arn:aws:iam::1:role/r', Extra: 1 };
    const view = stateView({ Type: 'Task', Credentials: credentials }) as TaskState;
    expect(asWritten(view.Credentials!)).toBe(credentials);
    expect(Object.keys(view.Credentials!)).toEqual(['RoleArn']);
    expect({ ...view.Credentials }).toEqual({ RoleArn: 'arn:aws:iam::1:role/r' });
    expect(JSON.stringify(view)).toBe('{"Credentials":{"RoleArn":"arn:aws:iam::1:role/r"},"Type":"Task"}');
  });
});
