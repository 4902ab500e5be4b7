/**
 * Types for the Amazon States Language, as AWS Step Functions accepts it today, and the typed view of a
 * state that every command reads (`StateNode.state`, built by `state-view.ts`).
 *
 * Field names and the kinds of their values follow `schemas/asl.schema.json`, the source of truth; a test
 * (test/asl/state-fields.test.ts) holds these types, the field tables in `state-fields.ts` and the schema to
 * the same names. https://states-language.net/spec.html and the AWS Step Functions developer guide.
 *
 * A view holds a field only when its value has the kind declared here, so a check may trust every value it
 * reads, on a broken definition too (the schema stage reports the rest). That is why every field is
 * optional, even those the language requires (`Resource`, `StartAt`): a view cannot promise what a file
 * left out.
 */
export type QueryLanguage = 'JSONPath' | 'JSONata';

export type StateType = 'Task' | 'Pass' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map';

export const STATE_TYPES: readonly StateType[] = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'];

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * A value known only at deploy time: a CloudFormation intrinsic object such as `{"Fn::GetAtt": […]}` or
 * `!Ref Timeout`, or a string that is one whole placeholder (`"${MaxAttempts}"`, `#{AWS::Region}`). Any scalar
 * field may hold one in a template (`"MaxAttempts": ${Retries}` is read as the placeholder's text); see
 * `asl/unresolved.ts`, whose `isUnresolved` tells one apart.
 */
export type Unresolved = JsonObject | string;

/** A string field: the string, or a deploy-time value. */
export type Text = string | Unresolved;
/** A number field that also takes a JSONata `{% %}` string (or a placeholder string), or a deploy-time value. */
export type NumberOrExpression = number | string | Unresolved;
/** A JSONPath path field: `null` discards (InputPath, OutputPath, ResultPath). */
export type PathField = string | null | Unresolved;

/** Fields every state type has. */
interface CommonFields {
  readonly Comment?: Text;
  readonly QueryLanguage?: QueryLanguage;
}

/** Input and output processing (JSONPath's InputPath/OutputPath, JSONata's Output, Assign in both). */
interface DataFields {
  readonly InputPath?: PathField;
  readonly OutputPath?: PathField;
  readonly Output?: JsonValue;
  readonly Assign?: JsonObject;
}

interface TransitionFields {
  readonly Next?: Text;
  readonly End?: boolean | Unresolved;
}

interface ErrorHandlingFields {
  readonly Retry?: readonly Retrier[];
  readonly Catch?: readonly Catcher[];
}

export interface Retrier {
  readonly ErrorEquals?: readonly string[];
  readonly IntervalSeconds?: number | Unresolved;
  readonly MaxAttempts?: number | Unresolved;
  readonly BackoffRate?: number | Unresolved;
  readonly MaxDelaySeconds?: number | Unresolved;
  readonly JitterStrategy?: 'FULL' | 'NONE';
  readonly Comment?: Text;
}

export interface Catcher {
  readonly ErrorEquals?: readonly string[];
  readonly Next?: Text;
  readonly ResultPath?: PathField;
  readonly Output?: JsonValue;
  readonly Assign?: JsonObject;
  readonly Comment?: Text;
}

export interface TaskState extends CommonFields, DataFields, TransitionFields, ErrorHandlingFields {
  readonly Type: 'Task';
  readonly Resource?: Text;
  readonly Parameters?: JsonValue;
  readonly Arguments?: JsonValue;
  readonly ResultSelector?: JsonValue;
  readonly ResultPath?: PathField;
  readonly TimeoutSeconds?: NumberOrExpression;
  readonly TimeoutSecondsPath?: Text;
  readonly HeartbeatSeconds?: NumberOrExpression;
  readonly HeartbeatSecondsPath?: Text;
  readonly Credentials?: TaskCredentials;
}

export interface TaskCredentials {
  readonly RoleArn?: Text;
  readonly 'RoleArn.$'?: Text;
}

export interface PassState extends CommonFields, DataFields, TransitionFields {
  readonly Type: 'Pass';
  readonly Result?: JsonValue;
  readonly ResultPath?: PathField;
  readonly Parameters?: JsonValue;
}

/** The JSONPath comparison operators that take a value (`"NumericEquals": 5`). */
export const VALUE_COMPARISONS = [
  'StringEquals',
  'StringLessThan',
  'StringGreaterThan',
  'StringLessThanEquals',
  'StringGreaterThanEquals',
  'StringMatches',
  'NumericEquals',
  'NumericLessThan',
  'NumericGreaterThan',
  'NumericLessThanEquals',
  'NumericGreaterThanEquals',
  'BooleanEquals',
  'TimestampEquals',
  'TimestampLessThan',
  'TimestampGreaterThan',
  'TimestampLessThanEquals',
  'TimestampGreaterThanEquals',
] as const;

/** The type tests (`"IsNull": true`). */
export const TYPE_TESTS = ['IsNull', 'IsPresent', 'IsNumeric', 'IsString', 'IsBoolean', 'IsTimestamp'] as const;

export type ValueComparison = (typeof VALUE_COMPARISONS)[number];
export type TypeTest = (typeof TYPE_TESTS)[number];

/**
 * A Choice rule in either query language. Comparison operands stay any JSON value, as the schema has them:
 * the choice-operators check explains a wrong operand kind better than a type could.
 */
export type ChoiceRule = ChoiceRuleFields & { readonly [Op in ValueComparison]?: JsonValue } & {
  readonly [Op in `${ValueComparison}Path`]?: Text;
} & { readonly [Op in TypeTest]?: boolean | Unresolved };

interface ChoiceRuleFields {
  readonly Next?: Text;
  readonly Comment?: Text;
  // JSONata
  readonly Condition?: string | boolean | Unresolved;
  readonly Assign?: JsonObject;
  readonly Output?: JsonValue;
  // JSONPath
  readonly Variable?: Text;
  readonly And?: readonly ChoiceRule[];
  readonly Or?: readonly ChoiceRule[];
  readonly Not?: ChoiceRule;
}

export interface ChoiceState extends CommonFields, DataFields {
  readonly Type: 'Choice';
  readonly Choices?: readonly ChoiceRule[];
  readonly Default?: Text;
}

export interface WaitState extends CommonFields, DataFields, TransitionFields {
  readonly Type: 'Wait';
  readonly Seconds?: NumberOrExpression;
  readonly Timestamp?: Text;
  readonly SecondsPath?: Text;
  readonly TimestampPath?: Text;
}

export interface SucceedState extends CommonFields, DataFields {
  readonly Type: 'Succeed';
}

export interface FailState extends CommonFields {
  readonly Type: 'Fail';
  readonly Error?: Text;
  readonly ErrorPath?: Text;
  readonly Cause?: Text;
  readonly CausePath?: Text;
}

/**
 * A Parallel branch or a Map processor as written: a nested state machine with its own scope. Its states
 * are the walker's nodes (`Scope.states`), each with its own view, so `States` stays plain JSON here.
 */
export interface SubMachine {
  readonly Comment?: Text;
  readonly StartAt?: Text;
  readonly States?: JsonObject;
  readonly QueryLanguage?: QueryLanguage;
}

export interface ProcessorConfig {
  readonly Mode?: 'INLINE' | 'DISTRIBUTED';
  readonly ExecutionType?: 'STANDARD' | 'EXPRESS';
}

export interface MapProcessor extends SubMachine {
  readonly ProcessorConfig?: ProcessorConfig;
}

export interface ParallelState extends CommonFields, DataFields, TransitionFields, ErrorHandlingFields {
  readonly Type: 'Parallel';
  readonly Branches?: readonly SubMachine[];
  readonly Parameters?: JsonValue;
  readonly Arguments?: JsonValue;
  readonly ResultSelector?: JsonValue;
  readonly ResultPath?: PathField;
}

export interface ReaderConfig {
  readonly InputType?: 'CSV' | 'JSON' | 'JSONL' | 'MANIFEST' | 'PARQUET';
  readonly CSVHeaderLocation?: 'FIRST_ROW' | 'GIVEN';
  readonly CSVHeaders?: readonly string[];
  readonly CSVDelimiter?: 'COMMA' | 'PIPE' | 'SEMICOLON' | 'SPACE' | 'TAB';
  readonly MaxItems?: NumberOrExpression;
  readonly MaxItemsPath?: Text;
  readonly ManifestType?: 'ATHENA_DATA' | 'S3_INVENTORY';
}

export interface ItemReader {
  readonly Resource?: Text;
  readonly Parameters?: JsonValue;
  readonly Arguments?: JsonValue;
  readonly ReaderConfig?: ReaderConfig;
}

export interface ItemBatcher {
  readonly MaxItemsPerBatch?: NumberOrExpression;
  readonly MaxItemsPerBatchPath?: Text;
  readonly MaxInputBytesPerBatch?: NumberOrExpression;
  readonly MaxInputBytesPerBatchPath?: Text;
  readonly BatchInput?: JsonValue;
}

export interface WriterConfig {
  readonly OutputType?: 'JSON' | 'JSONL';
  readonly Transformation?: 'NONE' | 'COMPACT' | 'FLATTEN';
}

export interface ResultWriter {
  readonly Resource?: Text;
  readonly Parameters?: JsonValue;
  readonly Arguments?: JsonValue;
  readonly WriterConfig?: WriterConfig;
}

export interface MapState extends CommonFields, DataFields, TransitionFields, ErrorHandlingFields {
  readonly Type: 'Map';
  readonly ItemProcessor?: MapProcessor;
  /** Legacy name of ItemProcessor. */
  readonly Iterator?: MapProcessor;
  readonly ItemsPath?: Text;
  readonly Items?: readonly JsonValue[] | string | Unresolved;
  readonly ItemSelector?: JsonValue;
  /** Legacy name of ItemSelector (and JSONPath's payload template for each item). */
  readonly Parameters?: JsonValue;
  readonly Arguments?: JsonValue;
  readonly ItemReader?: ItemReader;
  readonly ItemBatcher?: ItemBatcher;
  readonly ResultWriter?: ResultWriter;
  readonly MaxConcurrency?: NumberOrExpression;
  readonly MaxConcurrencyPath?: Text;
  readonly ToleratedFailurePercentage?: NumberOrExpression;
  readonly ToleratedFailurePercentagePath?: Text;
  readonly ToleratedFailureCount?: NumberOrExpression;
  readonly ToleratedFailureCountPath?: Text;
  readonly Label?: Text;
  readonly ResultSelector?: JsonValue;
  readonly ResultPath?: PathField;
}

/**
 * A state whose `Type` is missing or not one Step Functions knows. Validate reports the type; the view keeps
 * what most state types share (its transitions, its input and output fields, its `Assign`), so the states it
 * names still count as referenced and the variables it assigns or reads still count, and one mistake (the
 * type) gives one finding.
 */
export interface UnknownState extends CommonFields, DataFields, TransitionFields {
  readonly Type?: undefined;
}

export type State = TaskState | PassState | ChoiceState | WaitState | SucceedState | FailState | ParallelState | MapState;

/** What a walker node holds: one of the eight state types, or a state of no known type. */
export type StateView = State | UnknownState;

/** The top level of a definition. */
export interface StateMachineDefinition {
  readonly Comment?: Text;
  readonly StartAt?: Text;
  readonly States?: JsonObject;
  readonly Version?: Text;
  readonly TimeoutSeconds?: NumberOrExpression;
  readonly QueryLanguage?: QueryLanguage;
}

/** Every field name of every state type, as the types declare them. */
export type StateFieldName =
  | keyof TaskState
  | keyof PassState
  | keyof ChoiceState
  | keyof WaitState
  | keyof FailState
  | keyof ParallelState
  | keyof MapState;
