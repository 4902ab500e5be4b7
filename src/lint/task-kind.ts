/**
 * How a Task waits for its work, read from its Resource. Step Functions bounds a request-response call on
 * the service's side (the call returns or fails), but a `.sync` job, a callback (`.waitForTaskToken`) or
 * an activity is waited for until the Task's own timeout, which defaults to the execution's (a year for a
 * Standard workflow). Several rules ask which kind a Task is.
 */
import { type StateNode } from '../asl/walker.js';
import { writesField } from '../asl/as-written.js';
import type { Text, StateFieldName } from '../asl/types.js';

export type TaskKind = 'callback' | 'sync' | 'activity' | 'request-response' | 'unknown';

/** A Resource that is only a deploy-time placeholder (`${ProcessFunctionArn}`) says nothing about the kind. */
const placeholderOnly = /^\$\{[^}]*\}$/;

export function taskKind(resource: Text | undefined): TaskKind {
  if (typeof resource !== 'string' || placeholderOnly.test(resource)) return 'unknown';
  if (resource.endsWith('.waitForTaskToken')) return 'callback';
  if (/\.sync(?::\d+)?$/.test(resource)) return 'sync';
  if (resource.includes(':activity:')) return 'activity';
  return 'request-response';
}

/** Callbacks and activities wait for a worker, whose loss only a heartbeat reveals. */
export const waitsForWorker = (kind: TaskKind): boolean => kind === 'callback' || kind === 'activity';

/** A Lambda Task: the optimised integration, or a function ARN as the Resource (the legacy form). */
export function isLambdaResource(resource: Text | undefined): boolean {
  return typeof resource === 'string' && (/^arn:[^:]*:states:::lambda:invoke(?:$|\.)/.test(resource) || /^arn:[^:]+:lambda:/.test(resource));
}

/**
 * Whether the state has any of these fields as written, whatever their values: a timeout or heartbeat of the
 * wrong kind is validate's to report, and a rule asking "is there a timeout?" must not report it a second time.
 */
export const writesAny = (node: StateNode, ...fields: StateFieldName[]): boolean => fields.some((field) => writesField(node, field));
