/** The typed view of a state: what it keeps, what it leaves to the raw JSON, and that its indices are the file's. */
import { describe, expect, it } from 'vitest';
import { stateView } from '../../src/asl/state-view.js';
import { buildModel } from '../../src/asl/walker.js';

describe('stateView', () => {
  it('keeps the fields of the state type, with their values', () => {
    const raw = { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 'x.$': '$.a' }, TimeoutSeconds: 30, Next: 'B' };
    expect(stateView(raw)).toEqual(raw);
  });

  it('leaves out a field the state type does not have, and a value of the wrong kind', () => {
    const view = stateView({ Type: 'Pass', Resource: 'arn:x', Next: 5, End: 'yes', Comment: 'ok' });
    expect(view).toEqual({ Type: 'Pass', Comment: 'ok' });
  });

  it('keeps a deploy-time value in a scalar field', () => {
    const timeout = { Ref: 'Timeout' };
    const resource = { 'Fn::GetAtt': ['Fn', 'Arn'] };
    const view = stateView({ Type: 'Task', Resource: resource, TimeoutSeconds: timeout, HeartbeatSeconds: '${Beat}' });
    expect(view).toEqual({ Type: 'Task', Resource: resource, TimeoutSeconds: timeout, HeartbeatSeconds: '${Beat}' });
  });

  it('keeps JSONata strings where a number field takes them', () => {
    expect(stateView({ Type: 'Wait', Seconds: '{% $delay %}' })).toEqual({ Type: 'Wait', Seconds: '{% $delay %}' });
  });

  it('checks an enumerated field against its values', () => {
    expect(stateView({ Type: 'Pass', QueryLanguage: 'JSONATA' })).toEqual({ Type: 'Pass' });
    expect(stateView({ Type: 'Pass', QueryLanguage: 'JSONata' })).toEqual({ Type: 'Pass', QueryLanguage: 'JSONata' });
  });

  it('sees nested objects through their own fields, keeping list indices', () => {
    const view = stateView({
      Type: 'Task',
      Resource: 'arn:x',
      Retry: [7, { ErrorEquals: ['States.ALL'], MaxAttempts: 'three', Bogus: 1 }],
      Catch: [{ ErrorEquals: ['E', 3], Next: 'C' }],
    });
    expect(view).toEqual({
      Type: 'Task',
      Resource: 'arn:x',
      Retry: [{}, { ErrorEquals: ['States.ALL'] }],
      Catch: [{ Next: 'C' }],
    });
  });

  it('sees Choice rules nested in And, Or and Not', () => {
    const rule = { Not: { And: [{ Variable: '$.a', NumericEquals: '5' }, { Or: [{ Variable: '$.b', IsNull: true }] }] }, Next: 'X' };
    expect(stateView({ Type: 'Choice', Choices: [rule], Default: 'Y' })).toEqual({ Type: 'Choice', Choices: [rule], Default: 'Y' });
  });

  it('sees a Choice rule nested 50,000 levels deep without overflowing the stack', () => {
    let rule: Record<string, unknown> = { Variable: '$.a', IsNull: true };
    for (let i = 0; i < 50_000; i++) rule = { Not: rule };
    let view = (stateView({ Type: 'Choice', Choices: [{ ...rule, Next: 'A' }] }) as { Choices: Array<Record<string, unknown>> }).Choices[0];
    let depth = 0;
    while (view && 'Not' in view) {
      view = view.Not as Record<string, unknown>;
      depth++;
    }
    expect(depth).toBe(50_000);
    expect(view).toEqual({ Variable: '$.a', IsNull: true });
  });

  it('keeps the transition, data and Assign fields of a state of unknown type', () => {
    expect(stateView({ Type: 'Taks', Next: 'B', Resource: 'arn:x', Assign: { a: 1 } })).toEqual({ Next: 'B', Assign: { a: 1 } });
    expect(stateView({ Next: 'B' })).toEqual({ Next: 'B' });
  });

  it('is what the walker hands every layer, with the top level typed too', () => {
    const model = buildModel({ StartAt: 'A', TimeoutSeconds: 60, States: { A: { Type: 'Succeed', Output: 1, Next: 'x' } } });
    expect(model.states[0]!.state).toEqual({ Type: 'Succeed', Output: 1 });
    expect(model.topLevel).toEqual({ StartAt: 'A', TimeoutSeconds: 60, States: { A: { Type: 'Succeed', Output: 1, Next: 'x' } } });
  });
});

describe('stateView in a template', () => {
  it('keeps a whole placeholder where the field takes only a number or a boolean', () => {
    const view = stateView({ Type: 'Task', Resource: 'arn:x', End: '${IsLast}', Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: '${Retries}', BackoffRate: 'fast' }] });
    expect(view).toEqual({ Type: 'Task', Resource: 'arn:x', End: '${IsLast}', Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: '${Retries}' }] });
  });
});
