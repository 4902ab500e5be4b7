/**
 * What is wrong with a Task `Resource` string, judged as CreateStateMachine judges it: it must be an
 * ARN, of a Lambda function, an activity or a service integration Step Functions has, with an
 * integration pattern that integration supports. Deploy-time placeholders are not judged, and in a
 * partly known ARN (`arn:${AWS::Partition}:states:::lambda:invoke`) only the known fields are.
 */
import {
  OPTIMIZED_INTEGRATIONS,
  OPTIMIZED_SERVICES,
  PARTITIONS,
  SDK_SUFFIXES,
  type IntegrationSuffix,
} from '../../asl/service-integrations.js';
import { suggestNearest } from '../../asl/suggest.js';
import { hasPlaceholder } from '../../asl/unresolved.js';

export type ResourceCode = 'invalid-resource' | 'resource-not-arn' | 'unknown-integration' | 'integration-pattern';

export interface ResourceProblem {
  code: ResourceCode;
  /** Completes "Resource of state "X" …". */
  message: string;
}

const PLACEHOLDERS = /\$\{[^}]*\}|#\{[^}]*\}|\{\{resolve:[^}]*\}\}/g;
/** Stands in for a placeholder while the ARN is split at its colons (placeholders hold colons too). */
const MASK = '\u0000';
const KINDS = 'a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>), an activity ARN (arn:aws:states:<region>:<account>:activity:<name>) or a service integration such as arn:aws:states:::lambda:invoke';
/** Strings people leave for someone to fill in: `<INSERT ARN HERE>`, `__tbd__`, `%FUNCTION_ARN%`, `TODO`. */
const UNFILLED = /^<.*>$|^_*(tbd|tbc|TBD|TBC)_*$|^%\w+%$|\b(TODO|FIXME|REPLACE|INSERT|CHANGEME)\b/;
const PATTERNS: readonly IntegrationSuffix[] = ['.sync', '.sync:2', '.waitForTaskToken'];

export function resourceProblem(resource: string): ResourceProblem | undefined {
  const open = resource.lastIndexOf('${');
  if (open >= 0 && resource.indexOf('}', open) < 0) {
    return invalid(`has "\${" without a closing "}" ("${resource}"); close the substitution, e.g. "\${LambdaArn}"`);
  }
  if (resource.trim() !== resource && resource.trim() !== '') {
    return invalid(`has white space at its start or end ("${resource}"), which Step Functions does not strip; remove it`);
  }
  const masked = resource.replace(PLACEHOLDERS, MASK);
  if (!masked.startsWith('arn:')) {
    if (masked.includes(MASK)) return undefined;
    return notArn(resource);
  }
  const fields = masked.split(':');
  if (fields.length < 6) {
    if (masked.includes(MASK)) return undefined;
    return invalid(`is "${resource}", which is not a complete ARN (arn:<partition>:<service>:<region>:<account>:<resource>); use ${KINDS}`);
  }
  const [, partition, service, region, account] = fields as [string, string, string, string, string];
  if (!partition.includes(MASK) && !PARTITIONS.includes(partition)) {
    const nearest = suggestNearest(partition, PARTITIONS);
    return invalid(`names the partition "${partition}", which does not exist (${PARTITIONS.slice(0, 3).join(', ')} …)${nearest ? `; did you mean "${nearest}"?` : ''}`);
  }
  const rest = fields.slice(5).join(':');
  if (service === 'lambda') return hasPlaceholder(resource) ? undefined : lambdaProblem(rest);
  if (service !== 'states') return undefined;
  if (rest.startsWith('activity:')) return activityProblem(region, account, rest.slice('activity:'.length));
  return integrationProblem(rest);
}

function invalid(message: string): ResourceProblem {
  return { code: 'invalid-resource', message };
}

function notArn(resource: string): ResourceProblem {
  const why = UNFILLED.test(resource.trim()) ? 'looks like a placeholder that was never filled in' : 'is not an ARN';
  const start = resource.slice(0, 4).toLowerCase() === 'arn:' ? '; ARNs start with "arn:" in lower case' : '';
  return {
    code: 'resource-not-arn',
    message: `is "${resource}", which ${why}${start}; Step Functions refuses the state machine. Use ${KINDS}, or a placeholder filled in at deploy time such as "\${FunctionArn}"`,
  };
}

const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const QUALIFIER = /^(\$LATEST|[0-9]+|[A-Za-z0-9_-]{1,128})$/;

/** `rest` is what follows the account: `function:<name>[:<qualifier>]`. Other Lambda ARNs are left alone. */
function lambdaProblem(rest: string): ResourceProblem | undefined {
  if (!rest.startsWith('function:')) return undefined;
  const [name, ...qualifiers] = rest.slice('function:'.length).split(':');
  if (!FUNCTION_NAME.test(name!)) {
    return invalid(`names the Lambda function "${name}", which is not a valid function name (1 to 64 letters, digits, "-" or "_")`);
  }
  if (qualifiers.length > 1) return invalid('has more than one qualifier after the function name; use at most one version, alias or $LATEST');
  const qualifier = qualifiers[0];
  if (qualifier === '') return invalid('ends with ":" after the function name; remove it or add a version, an alias or $LATEST');
  if (qualifier !== undefined && !QUALIFIER.test(qualifier)) {
    return invalid(`has the qualifier "${qualifier}", which is neither a version number, an alias (letters, digits, "-", "_") nor $LATEST`);
  }
  return undefined;
}

/** Activity names: 1 to 80 characters, none of them white space, wildcards, brackets or separators. */
const ACTIVITY_NAME = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]{1,80}$/;

function activityProblem(region: string, account: string, name: string): ResourceProblem | undefined {
  if (region === '' || account === '') {
    return invalid('is an activity ARN without its region or account id; write arn:aws:states:<region>:<account>:activity:<name>');
  }
  if (name.includes(MASK)) return undefined;
  if (!ACTIVITY_NAME.test(name)) {
    return invalid(`names the activity "${name}", which is not a valid activity name (1 to 80 characters, no spaces and none of < > { } [ ] ? * " # % \\ ^ | ~ \` $ & , ; : /)`);
  }
  return undefined;
}

/** `rest` is `<service>:<action>[<suffix>]` or `aws-sdk:<service>:<action>[<suffix>]`. */
function integrationProblem(rest: string): ResourceProblem | undefined {
  if (rest.startsWith('aws-sdk:')) {
    const sdk = /^aws-sdk:([^:]*):([^:.]*)(\..*)?$/.exec(rest);
    return sdk ? sdkProblem(sdk[1]!, sdk[2]!, sdk[3]) : sdkProblem('', '', undefined);
  }
  const optimized = /^([^:]+):([^:.]+)(\..*)?$/.exec(rest);
  if (!optimized) {
    if (rest.includes(MASK)) return undefined;
    return unknown(`names the integration "${rest}", which is not <service>:<action>; write e.g. arn:aws:states:::lambda:invoke or arn:aws:states:::aws-sdk:s3:getObject`);
  }
  // Both groups must match (`+`), so they are strings; the suffix group is optional.
  const name = optimized[1]!;
  const action = optimized[2]!;
  const suffix = optimized[3];
  if (name.includes(MASK) || action.includes(MASK)) return undefined;
  const service = Object.prototype.hasOwnProperty.call(OPTIMIZED_SERVICES, name) ? OPTIMIZED_SERVICES[name] : undefined;
  if (!service) return unknownService(name, action);
  const known = Object.prototype.hasOwnProperty.call(service.actions, action);
  if (!known && service.complete) return unknownAction(name, action);
  const allowed = known && service.complete ? service.actions[action]! : service.suffixes;
  return suffix === undefined ? undefined : suffixProblem(`${name}:${action}`, suffix, allowed);
}

function sdkProblem(service: string, action: string, suffix: string | undefined): ResourceProblem | undefined {
  if (service === '' || action === '') {
    if (`${service}${action}`.includes(MASK)) return undefined;
    return unknown('is an AWS SDK integration without a service or an action; write arn:aws:states:::aws-sdk:<service>:<action>, e.g. arn:aws:states:::aws-sdk:s3:getObject');
  }
  if (suffix === undefined || suffix.includes(MASK)) return undefined;
  return suffixProblem(`aws-sdk:${service}:${action}`, suffix, SDK_SUFFIXES, 'AWS SDK integrations do not support .sync (Run a Job): poll for the result in a loop, or use an optimized integration that has it');
}

function unknown(message: string): ResourceProblem {
  return { code: 'unknown-integration', message };
}

/** The SDK integration's name for a service whose optimized name differs. */
const SDK_NAMES: Record<string, string> = { elasticmapreduce: 'emr', 'emr-containers': 'emrcontainers', 'emr-serverless': 'emrserverless', states: 'sfn', events: 'eventbridge' };

function sdkAlternative(service: string, action: string): string {
  return `"arn:aws:states:::aws-sdk:${SDK_NAMES[service] ?? service}:${action}"`;
}

function unknownService(name: string, action: string): ResourceProblem {
  if (name === 'stateMachine' || name === 'execution') {
    return unknown(`names a state machine or an execution; a Task starts another state machine with arn:aws:states:::states:startExecution (its ARN goes in StateMachineArn)`);
  }
  const nearest = suggestNearest(`${name}:${action}`, OPTIMIZED_INTEGRATIONS) ?? suggestNearest(name, Object.keys(OPTIMIZED_SERVICES));
  const fix = nearest
    ? `did you mean ${nearest.includes(':') ? nearest : `${nearest}:${action}`}?`
    : `to call any AWS API use the SDK integration ${sdkAlternative(name, action)}`;
  return unknown(`calls ${name}:${action}, but "${name}" is not a service with an optimized integration; ${fix}`);
}

function unknownAction(name: string, action: string): ResourceProblem {
  const service = OPTIMIZED_SERVICES[name]!;
  const actions = Object.keys(service.actions);
  const nearest = suggestNearest(action, actions);
  const has = `calls ${name}:${action}, which is not an optimized integration (${service.title} has ${actions.join(', ')})`;
  if (nearest) return unknown(`${has}; did you mean ${name}:${nearest}?`);
  // The HTTP Task has no SDK counterpart.
  return unknown(name === 'http' ? has : `${has}; for other ${service.title} APIs use the SDK integration ${sdkAlternative(name, action)}`);
}

function suffixProblem(integration: string, suffix: string, allowed: readonly IntegrationSuffix[], sdkNote?: string): ResourceProblem | undefined {
  if ((allowed as readonly string[]).includes(suffix)) return undefined;
  const supports = allowed.length === 0 ? 'supports only Request Response (no suffix)' : `supports ${allowed.join(' and ')} besides no suffix`;
  if (!(PATTERNS as readonly string[]).includes(suffix)) {
    const nearest = suggestNearest(suffix, PATTERNS);
    return {
      code: 'integration-pattern',
      message: `ends with "${suffix}", which is not an integration pattern (.sync, .sync:2, .waitForTaskToken)${nearest ? `; did you mean "${nearest}"?` : ''} ${integration} ${supports}`,
    };
  }
  const note = sdkNote && suffix.startsWith('.sync') ? sdkNote : `${integration} ${supports}`;
  return { code: 'integration-pattern', message: `asks for ${suffix}, which ${integration} does not support; ${note}` };
}
