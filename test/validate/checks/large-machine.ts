// Generates large definitions for the scale test: a chain of `size` states mixing every state type
// the structure checks look at, plus (optionally) an unreachable loop and a deeply nested Choice rule.
export interface LargeMachineOptions {
  size: number;
  /** Adds this many states that point at each other in a ring no path reaches. */
  unreachableRing?: number;
  /** Nests one Choice rule this deep inside `Not`, to prove the rule walk is not recursive. */
  ruleDepth?: number;
}

export function largeMachine({ size, unreachableRing = 0, ruleDepth = 0 }: LargeMachineOptions): Record<string, unknown> {
  const states: Record<string, unknown> = {};
  const name = (i: number): string => (i === size - 1 ? 'Done' : `Step ${i}`);
  for (let i = 0; i < size - 1; i++) {
    const next = name(i + 1);
    switch (i % 5) {
      case 0:
        states[name(i)] = { Type: 'Pass', Next: next };
        break;
      case 1:
        states[name(i)] = {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          TimeoutSeconds: 60,
          HeartbeatSeconds: 10,
          Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 2, BackoffRate: 2 }],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done' }],
          Next: next,
        };
        break;
      case 2:
        states[name(i)] = {
          Type: 'Choice',
          Choices: [{ Variable: '$.n', NumericGreaterThan: i, Next: next }],
          Default: next,
        };
        break;
      case 3:
        states[name(i)] = {
          Type: 'Parallel',
          Branches: [{ StartAt: `Branch ${i}`, States: { [`Branch ${i}`]: { Type: 'Pass', End: true } } }],
          Next: next,
        };
        break;
      default:
        states[name(i)] = {
          Type: 'Map',
          ItemProcessor: { StartAt: `Item ${i}`, States: { [`Item ${i}`]: { Type: 'Wait', Seconds: 1, End: true } } },
          Next: next,
        };
    }
  }
  states.Done = { Type: 'Succeed' };
  for (let r = 0; r < unreachableRing; r++) {
    states[`Ring ${r}`] = { Type: 'Pass', Next: `Ring ${(r + 1) % unreachableRing}` };
  }
  if (ruleDepth > 0) {
    let rule: Record<string, unknown> = { Variable: '$.x', IsPresent: true };
    for (let d = 0; d < ruleDepth; d++) rule = { Not: rule };
    states['Step 2'] = { Type: 'Choice', Choices: [{ ...rule, Next: 'Step 3' }], Default: 'Step 3' };
  }
  return { StartAt: name(0), States: states };
}
