/**
 * Which fields each part of a definition has, and what kind of value each takes: the tables `state-view.ts`
 * projects a state through. Each table is typed against its interface in `types.ts`, so a field added to a
 * type without a table entry (or the other way round) does not compile, and test/asl/state-fields.test.ts
 * holds the tables to `schemas/asl.schema.json`, the source of truth for names and kinds.
 */
import type {
  Catcher,
  ChoiceRule,
  ItemBatcher,
  ItemReader,
  MapProcessor,
  ReaderConfig,
  ResultWriter,
  Retrier,
  StateMachineDefinition,
  StateType,
  State,
  SubMachine,
  TaskCredentials,
  UnknownState,
  WriterConfig,
  ProcessorConfig,
} from './types.js';
import { TYPE_TESTS, VALUE_COMPARISONS } from './types.js';

/** A JSON kind as the schema names it (`integer` counts as `number`: a check explains a fraction). */
export type Kind = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

export type FieldSpec =
  /** Any JSON value (a payload template, a JSONata string or anything the schema leaves open). */
  | { readonly json: true }
  /** A value of one of these kinds; with `oneOf`, a string from that list. */
  | { readonly kinds: readonly Kind[]; readonly oneOf?: readonly string[] }
  /** An array of strings. */
  | { readonly strings: true }
  /** An array of objects, each seen through the table. */
  | { readonly list: FieldTable }
  /** An object seen through the table. */
  | { readonly record: FieldTable };

export type FieldTable = { readonly [field: string]: FieldSpec };

/** A table for an interface: one entry per field, no more, no fewer (`Type` is the discriminant, not a field). */
type TableOf<T> = { readonly [K in Exclude<keyof T, 'Type'>]-?: FieldSpec };

/**
 * The specs most fields share. Exported so the view builder can tell them by identity, which keeps the check
 * of an ordinary field to a `typeof` (a definition is checked once per run, mostly before the JIT warms up).
 */
export const json = { json: true } as const;
export const text = { kinds: ['string'] } as const;
export const flag = { kinds: ['boolean'] } as const;
const number = { kinds: ['number'] } as const;
export const numberOrExpression = { kinds: ['number', 'string'] } as const;
export const path = { kinds: ['string', 'null'] } as const;
const object = { kinds: ['object'] } as const;
const strings = { strings: true } as const;
const oneOf = (...values: string[]): FieldSpec => ({ kinds: ['string'], oneOf: values });
const queryLanguage = oneOf('JSONPath', 'JSONata');

const RETRIER: TableOf<Retrier> = {
  ErrorEquals: strings,
  IntervalSeconds: number,
  MaxAttempts: number,
  BackoffRate: number,
  MaxDelaySeconds: number,
  JitterStrategy: oneOf('FULL', 'NONE'),
  Comment: text,
};

const CATCHER: TableOf<Catcher> = {
  ErrorEquals: strings,
  Next: text,
  ResultPath: path,
  Output: json,
  Assign: object,
  Comment: text,
};

/** Built in two steps because And, Or and Not hold rules themselves. */
const CHOICE_RULE: { [field: string]: FieldSpec } = {};
const CHOICE_RULE_FIELDS: TableOf<ChoiceRule> = {
  Next: text,
  Comment: text,
  Condition: { kinds: ['string', 'boolean'] },
  Assign: object,
  Output: json,
  Variable: text,
  And: { list: CHOICE_RULE },
  Or: { list: CHOICE_RULE },
  Not: { record: CHOICE_RULE },
  ...operatorFields(),
};
Object.assign(CHOICE_RULE, CHOICE_RULE_FIELDS);

function operatorFields(): Record<(typeof VALUE_COMPARISONS)[number] | `${(typeof VALUE_COMPARISONS)[number]}Path` | (typeof TYPE_TESTS)[number], FieldSpec> {
  const fields = {} as Record<string, FieldSpec>;
  for (const op of VALUE_COMPARISONS) {
    fields[op] = json;
    fields[`${op}Path`] = text;
  }
  for (const test of TYPE_TESTS) fields[test] = flag;
  return fields as ReturnType<typeof operatorFields>;
}

const SUB_MACHINE: TableOf<SubMachine> = { Comment: text, StartAt: text, States: object, QueryLanguage: queryLanguage };

const PROCESSOR_CONFIG: TableOf<ProcessorConfig> = {
  Mode: oneOf('INLINE', 'DISTRIBUTED'),
  ExecutionType: oneOf('STANDARD', 'EXPRESS'),
};

const MAP_PROCESSOR: TableOf<MapProcessor> = { ...SUB_MACHINE, ProcessorConfig: { record: PROCESSOR_CONFIG } };

const READER_CONFIG: TableOf<ReaderConfig> = {
  InputType: oneOf('CSV', 'JSON', 'JSONL', 'MANIFEST', 'PARQUET'),
  CSVHeaderLocation: oneOf('FIRST_ROW', 'GIVEN'),
  CSVHeaders: strings,
  CSVDelimiter: oneOf('COMMA', 'PIPE', 'SEMICOLON', 'SPACE', 'TAB'),
  MaxItems: numberOrExpression,
  MaxItemsPath: text,
  ManifestType: oneOf('ATHENA_DATA', 'S3_INVENTORY'),
};

/** `Resource` is a string or, in a template, an intrinsic object (`!GetAtt`, `!Sub`). */
const resource = { kinds: ['string', 'object'] } as const;

const ITEM_READER: TableOf<ItemReader> = { Resource: resource, Parameters: json, Arguments: json, ReaderConfig: { record: READER_CONFIG } };

const ITEM_BATCHER: TableOf<ItemBatcher> = {
  MaxItemsPerBatch: numberOrExpression,
  MaxItemsPerBatchPath: text,
  MaxInputBytesPerBatch: numberOrExpression,
  MaxInputBytesPerBatchPath: text,
  BatchInput: json,
};

const WRITER_CONFIG: TableOf<WriterConfig> = {
  OutputType: oneOf('JSON', 'JSONL'),
  Transformation: oneOf('NONE', 'COMPACT', 'FLATTEN'),
};

const RESULT_WRITER: TableOf<ResultWriter> = { Resource: resource, Parameters: json, Arguments: json, WriterConfig: { record: WRITER_CONFIG } };

const CREDENTIALS: TableOf<TaskCredentials> = { RoleArn: text, 'RoleArn.$': text };

const COMMON = { Comment: text, QueryLanguage: queryLanguage } as const;
const DATA = { InputPath: path, OutputPath: path, Output: json, Assign: object } as const;
const TRANSITION = { Next: text, End: flag } as const;
const ERROR_HANDLING = { Retry: { list: RETRIER }, Catch: { list: CATCHER } } as const;

type StateTables = { readonly [T in StateType]: TableOf<Extract<State, { Type: T }>> };

export const STATE_FIELDS: StateTables = {
  Task: {
    ...COMMON,
    ...DATA,
    ...TRANSITION,
    ...ERROR_HANDLING,
    Resource: resource,
    Parameters: json,
    Arguments: json,
    ResultSelector: json,
    ResultPath: path,
    TimeoutSeconds: numberOrExpression,
    TimeoutSecondsPath: text,
    HeartbeatSeconds: numberOrExpression,
    HeartbeatSecondsPath: text,
    Credentials: { record: CREDENTIALS },
  },
  Pass: { ...COMMON, ...DATA, ...TRANSITION, Result: json, ResultPath: path, Parameters: json },
  Choice: { ...COMMON, ...DATA, Choices: { list: CHOICE_RULE }, Default: text },
  Wait: { ...COMMON, ...DATA, ...TRANSITION, Seconds: numberOrExpression, Timestamp: text, SecondsPath: text, TimestampPath: text },
  Succeed: { ...COMMON, ...DATA },
  Fail: { ...COMMON, Error: text, ErrorPath: text, Cause: text, CausePath: text },
  Parallel: {
    ...COMMON,
    ...DATA,
    ...TRANSITION,
    ...ERROR_HANDLING,
    Branches: { list: SUB_MACHINE },
    Parameters: json,
    Arguments: json,
    ResultSelector: json,
    ResultPath: path,
  },
  Map: {
    ...COMMON,
    ...DATA,
    ...TRANSITION,
    ...ERROR_HANDLING,
    ItemProcessor: { record: MAP_PROCESSOR },
    Iterator: { record: MAP_PROCESSOR },
    ItemsPath: text,
    Items: { kinds: ['array', 'string'] },
    ItemSelector: json,
    Parameters: json,
    Arguments: json,
    ItemReader: { record: ITEM_READER },
    ItemBatcher: { record: ITEM_BATCHER },
    ResultWriter: { record: RESULT_WRITER },
    MaxConcurrency: numberOrExpression,
    MaxConcurrencyPath: text,
    ToleratedFailurePercentage: numberOrExpression,
    ToleratedFailurePercentagePath: text,
    ToleratedFailureCount: numberOrExpression,
    ToleratedFailureCountPath: text,
    Label: text,
    ResultSelector: json,
    ResultPath: path,
  },
};

export const UNKNOWN_STATE_FIELDS: TableOf<UnknownState> = { ...COMMON, ...DATA, ...TRANSITION };

export const DEFINITION_FIELDS: TableOf<StateMachineDefinition> = {
  Comment: text,
  StartAt: text,
  States: object,
  Version: text,
  TimeoutSeconds: numberOrExpression,
  QueryLanguage: queryLanguage,
};

/** The nested tables, by the schema's name for them, for the test that holds them to the schema. */
export const NESTED_FIELDS = {
  retrier: RETRIER,
  catcher: CATCHER,
  choiceRule: CHOICE_RULE,
  branch: SUB_MACHINE,
  processor: MAP_PROCESSOR,
  processorConfig: PROCESSOR_CONFIG,
  itemReader: ITEM_READER,
  readerConfig: READER_CONFIG,
  itemBatcher: ITEM_BATCHER,
  resultWriter: RESULT_WRITER,
  writerConfig: WRITER_CONFIG,
  credentials: CREDENTIALS,
} as const;
