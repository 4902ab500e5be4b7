/** Well-formed fake ARNs and names for the execution, its state machine and role. */
import type { ExecutionIdentity } from './runtime.js';
import type { ExecuteOptions } from './types.js';
import { awsTimestamp } from './timestamp.js';
import { SeededRandom } from './random.js';

export function identityFor(options: ExecuteOptions, input: unknown, startMs: number): ExecutionIdentity {
  const region = options.region ?? 'us-east-1';
  const account = options.account ?? '123456789012';
  const stateMachineName = options.stateMachineName ?? 'LocalStateMachine';
  const executionName = options.executionName ?? `local-execution-${(options.seed ?? 0).toString(16).padStart(8, '0')}`;
  // An Express execution's ARN is …:express:<machine>:<name>:<id>, with an id after the name (as recorded on
  // AWS); a Standard one's is …:execution:<machine>:<name>.
  const executionArn = options.stateMachineType === 'EXPRESS'
    ? `arn:aws:states:${region}:${account}:express:${stateMachineName}:${executionName}:${new SeededRandom(options.seed ?? 0).uuid()}`
    : `arn:aws:states:${region}:${account}:execution:${stateMachineName}:${executionName}`;
  return {
    region,
    account,
    stateMachineName,
    stateMachineArn: `arn:aws:states:${region}:${account}:stateMachine:${stateMachineName}`,
    executionName,
    executionArn,
    roleArn: `arn:aws:iam::${account}:role/service-role/StepFunctions-${stateMachineName}-role`,
    startTime: awsTimestamp(startMs),
    input,
  };
}
