/**
 * The error catalogue: every error name the interpreter raises, in one place, spelled as AWS spells them.
 * Which errors a Catch may handle is also decided here, because AWS does not follow the specification
 * literally (recorded executions show JSONPath failures are never catchable).
 */
export const ErrorNames = {
  ALL: 'States.ALL',
  Runtime: 'States.Runtime',
  TaskFailed: 'States.TaskFailed',
  Timeout: 'States.Timeout',
  HeartbeatTimeout: 'States.HeartbeatTimeout',
  IntrinsicFailure: 'States.IntrinsicFailure',
  NoChoiceMatched: 'States.NoChoiceMatched',
  ExceedToleratedFailureThreshold: 'States.ExceedToleratedFailureThreshold',
  DataLimitExceeded: 'States.DataLimitExceeded',
  QueryEvaluationError: 'States.QueryEvaluationError',
  ParameterPathFailure: 'States.ParameterPathFailure',
  ResultPathMatchFailure: 'States.ResultPathMatchFailure',
  ItemReaderFailed: 'States.ItemReaderFailed',
  ResultWriterFailed: 'States.ResultWriterFailed',
  BranchFailed: 'States.BranchFailed',
} as const;

/** A failure inside the execution, as AWS reports it: an error name and an optional cause. */
export class StatesError extends Error {
  /**
   * `error` is undefined for a Fail state with no Error: AWS then records no error field at all.
   * `terminal` marks failures no Retry or Catch may handle (States.Runtime); `namedOnly` those that
   * only a retrier or catcher naming them handles, not States.ALL or States.TaskFailed (the
   * States.DataLimitExceeded that the interpreter raises for an oversized state input or output).
   */
  constructor(
    readonly error: string | undefined,
    override readonly cause: string | undefined,
    readonly terminal = false,
    readonly namedOnly = false,
    /** For a JSONata failure: the field it happened in ("Output/result"), as the EvaluationFailed event names it. */
    readonly location?: string,
  ) {
    super(cause ?? error ?? 'execution failed');
    this.name = 'StatesError';
  }

  /** Set once the failure has been attributed to its state (inState), so enclosing states leave it alone. */
  placed = false;
}

/** A JSONPath evaluation failure: AWS reports these as States.Runtime, and no Catch handles them. */
export function runtimeError(cause: string): StatesError {
  return new StatesError(ErrorNames.Runtime, cause, true);
}

export function queryEvaluationError(cause: string, location?: string): StatesError {
  return new StatesError(ErrorNames.QueryEvaluationError, cause, false, false, location);
}

/**
 * A JSONata failure as AWS reports it once it leaves the state: the cause names the state and the id of
 * its StateEntered event ("An error occurred while executing the state 'X' (entered at the event id #2). …").
 */
export function inState(error: StatesError, state: string, enteredEventId: number): StatesError {
  // Our own messages may already name the state; AWS's prefix replaces that.
  const bare = (error.cause ?? '').replace(/^An error occurred while executing the state '(?:[^']|'')*'\. /, '');
  const cause = `An error occurred while executing the state '${state}' (entered at the event id #${enteredEventId}). ${bare}`;
  const placed = new StatesError(error.error, cause, error.terminal, error.namedOnly, error.location);
  placed.placed = true;
  return placed;
}

export function intrinsicFailure(cause: string): StatesError {
  return new StatesError(ErrorNames.IntrinsicFailure, cause);
}

/**
 * Not a failure of the workflow but of the run itself (no stub for a Task, a stub module that throws
 * unexpectedly, the event guard): the CLI reports these as usage/stub errors, not as an AWS status.
 */
export class RunSetupError extends Error {
  constructor(
    message: string,
    /** JSON Pointer (in the definition) of what is wrong, when it is one place: the CLI turns it into file:line:column. */
    readonly pointer?: string,
  ) {
    super(message);
    this.name = 'RunSetupError';
  }
}

/**
 * Whether an `ErrorEquals` list matches an error. Terminal errors (States.Runtime) match nothing, not
 * even their own name. States.ALL matches every other error except a state input or output over the
 * size limit, which only a retrier or catcher naming States.DataLimitExceeded handles (the developer
 * guide: "a terminal error that can't be caught by the States.ALL error type"). A task whose service
 * answered States.DataLimitExceeded is an ordinary task failure: recorded AWS executions show
 * States.ALL catching it. States.TaskFailed matches what States.ALL matches, minus States.Timeout.
 */
export function errorMatches(errorEquals: unknown, error: StatesError): boolean {
  if (error.terminal) return false;
  if (!Array.isArray(errorEquals)) return false;
  const name = error.error ?? '';
  const wildcardable = !error.namedOnly;
  for (const candidate of errorEquals) {
    if (candidate === name) return true;
    if (candidate === ErrorNames.ALL && wildcardable) return true;
    if (candidate === ErrorNames.TaskFailed && wildcardable && name !== ErrorNames.Timeout) return true;
  }
  return false;
}

/** Thrown when the execution's own TimeoutSeconds passes on the virtual clock: the run ends TIMED_OUT. */
export class ExecutionTimeout extends Error {
  constructor() {
    super('The execution timed out.');
    this.name = 'ExecutionTimeout';
  }
}
