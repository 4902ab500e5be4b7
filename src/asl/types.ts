/**
 * Types for the Amazon States Language, as AWS Step Functions accepts it today.
 * These describe a definition that passed validation; code that reads unvalidated input
 * (the validator) must treat values as `unknown` and use the walker's raw objects.
 * https://states-language.net/spec.html and the AWS Step Functions developer guide.
 */
export type QueryLanguage = 'JSONPath' | 'JSONata';

export type StateType = 'Task' | 'Pass' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map';

export const STATE_TYPES: readonly StateType[] = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'];

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface StateMachineDefinition {
  Comment?: string;
  StartAt: string;
  States: Record<string, State>;
  Version?: string;
  TimeoutSeconds?: number;
  QueryLanguage?: QueryLanguage;
}

/** A Parallel branch or a Map processor: a nested state machine with its own scope. */
export interface SubMachine {
  Comment?: string;
  StartAt: string;
  States: Record<string, State>;
  ProcessorConfig?: { Mode?: 'INLINE' | 'DISTRIBUTED'; ExecutionType?: 'STANDARD' | 'EXPRESS' };
}

interface StateBase {
  Type: StateType;
  Comment?: string;
  QueryLanguage?: QueryLanguage;
  // JSONPath
  InputPath?: string | null;
  OutputPath?: string | null;
  // JSONata
  Output?: JsonValue;
  // both
  Assign?: JsonObject;
}

interface Transition {
  Next?: string;
  End?: boolean;
}

export interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: 'FULL' | 'NONE';
  Comment?: string;
}

export interface Catcher {
  ErrorEquals: string[];
  Next: string;
  ResultPath?: string | null;
  Output?: JsonValue;
  Assign?: JsonObject;
  Comment?: string;
}

export interface TaskState extends StateBase, Transition {
  Type: 'Task';
  Resource: string;
  Parameters?: JsonObject;
  Arguments?: JsonValue;
  ResultSelector?: JsonObject;
  ResultPath?: string | null;
  TimeoutSeconds?: number | string;
  TimeoutSecondsPath?: string;
  HeartbeatSeconds?: number | string;
  HeartbeatSecondsPath?: string;
  Credentials?: JsonObject;
  Retry?: Retrier[];
  Catch?: Catcher[];
}

export interface PassState extends StateBase, Transition {
  Type: 'Pass';
  Result?: JsonValue;
  ResultPath?: string | null;
  Parameters?: JsonObject;
}

export interface ChoiceRule {
  Next?: string;
  Comment?: string;
  // JSONata
  Condition?: string | boolean;
  Assign?: JsonObject;
  Output?: JsonValue;
  // JSONPath
  Variable?: string;
  And?: ChoiceRule[];
  Or?: ChoiceRule[];
  Not?: ChoiceRule;
  [operator: string]: unknown;
}

export interface ChoiceState extends StateBase {
  Type: 'Choice';
  Choices: ChoiceRule[];
  Default?: string;
}

export interface WaitState extends StateBase, Transition {
  Type: 'Wait';
  Seconds?: number | string;
  Timestamp?: string;
  SecondsPath?: string;
  TimestampPath?: string;
}

export interface SucceedState extends StateBase {
  Type: 'Succeed';
}

export interface FailState extends StateBase {
  Type: 'Fail';
  Error?: string;
  ErrorPath?: string;
  Cause?: string;
  CausePath?: string;
}

export interface ParallelState extends StateBase, Transition {
  Type: 'Parallel';
  Branches: SubMachine[];
  Parameters?: JsonObject;
  Arguments?: JsonValue;
  ResultSelector?: JsonObject;
  ResultPath?: string | null;
  Retry?: Retrier[];
  Catch?: Catcher[];
}

export interface MapState extends StateBase, Transition {
  Type: 'Map';
  ItemProcessor?: SubMachine;
  /** Legacy name of ItemProcessor. */
  Iterator?: SubMachine;
  ItemsPath?: string;
  Items?: JsonValue;
  ItemSelector?: JsonObject;
  /** Legacy name of ItemSelector. */
  Parameters?: JsonObject;
  ItemReader?: JsonObject;
  ItemBatcher?: JsonObject;
  ResultWriter?: JsonObject;
  MaxConcurrency?: number | string;
  MaxConcurrencyPath?: string;
  ToleratedFailurePercentage?: number | string;
  ToleratedFailurePercentagePath?: string;
  ToleratedFailureCount?: number | string;
  ToleratedFailureCountPath?: string;
  Label?: string;
  ResultSelector?: JsonObject;
  ResultPath?: string | null;
  Retry?: Retrier[];
  Catch?: Catcher[];
}

export type State =
  | TaskState
  | PassState
  | ChoiceState
  | WaitState
  | SucceedState
  | FailState
  | ParallelState
  | MapState;
