/**
 * Task `Resource` strings that Step Functions rejects when the state machine is created:
 * an unterminated `${` substitution, a Lambda function ARN with an empty or malformed name or
 * qualifier (version, alias or $LATEST), and a DynamoDB optimized integration that does not exist
 * (only getItem, putItem, updateItem and deleteItem do; other actions go through `aws-sdk:dynamodb:`).
 * Values with placeholders are not judged.
 */
import { joinPointer } from '../../asl/pointer.js';
import { hasPlaceholder } from '../../asl/unresolved.js';
import { suggestNearest } from '../../asl/suggest.js';
import type { SemanticCheck } from '../check.js';
import { finding } from './util.js';

const codes = {
  'invalid-resource': { description: 'A Task Resource is malformed: an unterminated ${…}, a bad Lambda function ARN, or an optimized integration that does not exist', severity: 'error' as const },
};

const LAMBDA_ARN = /^arn:[^:]*:lambda:[^:]*:[^:]*:function:(.*)$/;
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const QUALIFIER = /^(\$LATEST|[0-9]+|[A-Za-z0-9_-]{1,128})$/;
const DYNAMODB = /^arn:[^:]*:states:::dynamodb:([^.:]*)(.*)$/;
const DYNAMODB_ACTIONS = ['getItem', 'putItem', 'updateItem', 'deleteItem'];

export const resourceCheck: SemanticCheck = {
  name: 'resource',
  codes,
  run({ model, report }) {
    for (const node of model.states) {
      if (node.type !== 'Task') continue;
      const resource = node.raw.Resource;
      if (typeof resource !== 'string') continue;
      const pointer = joinPointer(node.pointer, 'Resource');
      const problem = resourceProblem(resource);
      if (problem) report(finding(codes, 'invalid-resource', pointer, `Resource of state "${node.name}" ${problem}`));
    }
  },
};

/** What is wrong with a Resource string, or undefined. */
export function resourceProblem(resource: string): string | undefined {
  const open = resource.lastIndexOf('${');
  if (open >= 0 && resource.indexOf('}', open) < 0) {
    return `has "\${" without a closing "}" ("${resource}"); close the substitution, e.g. "\${LambdaArn}"`;
  }
  if (hasPlaceholder(resource)) return undefined;
  const lambda = LAMBDA_ARN.exec(resource);
  if (lambda) {
    const [name, ...rest] = lambda[1]!.split(':');
    if (!FUNCTION_NAME.test(name!)) {
      return `names the Lambda function "${name}", which is not a valid function name (1 to 64 letters, digits, "-" or "_")`;
    }
    if (rest.length > 1) return `has more than one qualifier after the function name; use at most one version, alias or $LATEST`;
    if (rest.length === 1) {
      const qualifier = rest[0]!;
      if (qualifier === '') return `ends with ":" after the function name; remove it or add a version, an alias or $LATEST`;
      if (!QUALIFIER.test(qualifier)) {
        return `has the qualifier "${qualifier}", which is neither a version number, an alias (letters, digits, "-", "_") nor $LATEST`;
      }
    }
    return undefined;
  }
  const dynamo = DYNAMODB.exec(resource);
  if (dynamo && !DYNAMODB_ACTIONS.includes(dynamo[1]!)) {
    const action = dynamo[1]!;
    const nearest = suggestNearest(action, DYNAMODB_ACTIONS);
    return `calls dynamodb:${action}, which is not a DynamoDB optimized integration (${DYNAMODB_ACTIONS.join(', ')}); ${
      nearest ? `did you mean dynamodb:${nearest}? For other actions use` : 'use the SDK integration'
    } "arn:aws:states:::aws-sdk:dynamodb:${action}"`;
  }
  return undefined;
}
