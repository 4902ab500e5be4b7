/** Well-formed fake ARNs and names for the execution, its state machine and role. */
import type { ExecutionIdentity } from './runtime.js';
import type { ExecuteOptions } from './types.js';
import { awsTimestamp } from './timestamp.js';

export function identityFor(options: ExecuteOptions, input: unknown, startMs: number): ExecutionIdentity {
  const region = options.region ?? 'us-east-1';
  const account = options.account ?? '123456789012';
  const stateMachineName = options.stateMachineName ?? 'LocalStateMachine';
  const executionName = options.executionName ?? `local-execution-${(options.seed ?? 0).toString(16).padStart(8, '0')}`;
  const kind = options.stateMachineType === 'EXPRESS' ? 'express' : 'execution';
  return {
    region,
    account,
    stateMachineName,
    stateMachineArn: `arn:aws:states:${region}:${account}:stateMachine:${stateMachineName}`,
    executionName,
    executionArn: `arn:aws:states:${region}:${account}:${kind}:${stateMachineName}:${executionName}`,
    roleArn: `arn:aws:iam::${account}:role/service-role/StepFunctions-${stateMachineName}-role`,
    startTime: awsTimestamp(startMs),
    input,
  };
}
