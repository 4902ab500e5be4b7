/**
 * Which API a Task's `Resource` calls, told from the ARN alone (no shape data loaded): an optimized
 * integration (`arn:aws:states:::dynamodb:getItem`) or an AWS SDK integration
 * (`arn:aws:states:::aws-sdk:s3:getObject`). A Lambda function or activity ARN has no service response
 * shape (its result is the function's own), and neither does a `.sync` or `.waitForTaskToken` call: the
 * first returns what the job's describe call returns, the second whatever the callback sends.
 */

export interface ServiceCall {
  kind: 'optimized' | 'aws-sdk';
  /** The service as written in the ARN (`dynamodb`, `s3`, `sfn` …). */
  service: string;
  /** The action as written in the ARN (`getItem`, `getObject` …). */
  action: string;
}

// The partition may be a placeholder with colons of its own (`arn:${AWS::Partition}:states:::…`).
const CALL = /:states:::(aws-sdk:)?([a-z0-9-]+):([A-Za-z0-9]+)(\.[A-Za-z:0-9]+)?$/;

/** The request-response call a resource makes, or undefined when its result has no service shape. */
export function serviceCallOf(resource: string): ServiceCall | undefined {
  const match = CALL.exec(resource);
  if (!match || match[4] !== undefined) return undefined;
  return { kind: match[1] ? 'aws-sdk' : 'optimized', service: match[2]!, action: match[3]! };
}
