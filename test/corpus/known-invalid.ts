/**
 * Real-world corpus files (outside invalid/) that `asl validate` rejects, each checked by hand and
 * found to be a definition Step Functions itself would refuse as written: templates whose
 * placeholders a test harness or code generator fills in later, fixtures of other runtimes, and
 * plain mistakes. The corpus's own README warns that "not declared invalid by its source" does not
 * mean valid. The acceptance test measures false positives over the rest, and also asserts that
 * every file here is still rejected for the reason given, so the list cannot hide a regression.
 */
export interface KnownInvalid {
  /** a code that must be among the file's errors */
  code: string;
  reason: string;
}

export const KNOWN_INVALID: Record<string, KnownInvalid> = {
  'sfwc/shared-fallback-state-jsonata__statemachine__statemachine.asl.json': {
    code: 'wrong-type',
    reason: '"QueryLanguage": "JSONata" is written inside "States", where it is a state that is not an object; the states are then JSONPath states using JSONata fields',
  },
  'localstack/assign__task_retry_reference_exception.asl.json5': {
    code: 'wrong-type',
    reason: 'IntervalSeconds, MaxAttempts and BackoffRate are strings ("$intervalSeconds"); the test expects the failure',
  },
  'localstack/choiceoperators__template.asl.json5': {
    code: 'choice-rule-operator',
    reason: 'a template: the comparison operator is the placeholder key "%ComparisonOperatorType%", filled in by the test',
  },
  'localstack/errorhandling__task_lambda_invoke_catch_tbd.asl.json': {
    code: 'invalid-value',
    reason: 'a template: ErrorEquals is [] until the test fills it in; the specification requires a non-empty array',
  },
  'localstack/errorhandling__task_service_lambda_invoke_catch_tbd.asl.json5': {
    code: 'invalid-value',
    reason: 'a template: ErrorEquals is [] until the test fills it in; the specification requires a non-empty array',
  },
  'localstack/scenarios__map_item_reader_base_csv_headers_decl.asl.json5': {
    code: 'wrong-type',
    reason: 'a template: CSVHeaders is the string "__TBD__" until the test puts a list there',
  },
  'localstack/scenarios__map_state_items_literal.asl.json5': {
    code: 'jsonata-expression-required',
    reason: 'a template: Items is "_tbd_" ("to be replaced dynamically", says its comment)',
  },
  'localstack/scenarios__map_state_label_invalid_char_fail.asl.json5': {
    code: 'map-label',
    reason: 'the Label holds "{" and "}"; the test (named _fail) expects creation to fail',
  },
  'localstack/test_state__base_map_state_machine_choice_fail.asl.json5': {
    code: 'unknown-state',
    reason: 'a TestState fixture: StartAt names states that are not there; the test (named _fail) expects a failure',
  },
  'asl-validator/valid-map-with-item-batcher-jsonata.asl.json': {
    code: 'query-language-switch',
    reason: 'a JSONPath state inside a JSONata state machine, which Step Functions refuses (a JSONata top level admits no JSONPath state)',
  },
  'asl-validator/valid-assign.asl.json': {
    code: 'variable-name',
    reason: 'assigns a variable named "top-level": a variable name is a Unicode identifier (the guide\'s "Passing data between states with variables"), and $top-level would read as a subtraction',
  },
  'asl-validator/valid-task-credentials.asl.json': {
    code: 'invalid-credentials',
    reason: 'Credentials without RoleArn; AWS answers "The field \'RoleArn\' is required but was missing" (recorded in LocalStack snapshots)',
  },
  'statelint/task-with-credentials.asl.json': {
    code: 'invalid-credentials',
    reason: 'Credentials with "roleArn" (lower case); RoleArn is required',
  },
  'statebox/resource-config-validity__goodbye-invalid.asl.json': {
    code: 'unknown-field',
    reason: 'ResourceConfig is a statebox extension, not an ASL field',
  },
  'statebox/resource-config-validity__goodbye-valid.asl.json': {
    code: 'unknown-field',
    reason: 'ResourceConfig is a statebox extension, not an ASL field',
  },
  'step-functions-agent/step-functions__agent-with-tools-flow-template.asl.json': {
    code: 'unknown-state',
    reason: 'a template: Choice rules go to tool states that code adds later; as written the targets do not exist',
  },
  'step-functions-agent/step-functions__dynamic-agent-template.asl.json': {
    code: 'wrong-type',
    reason: 'a template: Items and Choices are placeholder strings that code replaces',
  },
  'step-functions-agent/step-functions__dynamic-sql-agent-template.asl.json': {
    code: 'jsonata-expression-required',
    reason: 'a template: Items is the placeholder string "AGENT_TOOL_LIST"',
  },
  'step-functions-agent/step-functions__supervisor-agent-flow-template.asl.json': {
    code: 'choice-rule-next',
    reason: 'a template: the Choice has an empty rule {} for code to fill in',
  },
  'localstack/services__lambda_list_functions.asl.json5': {
    code: 'unknown-integration',
    reason: 'arn:aws:states:::lambda:listFunctions: the Lambda optimized integration has only invoke; AWS answers "The resource provided … not recognized" (listFunctions goes through aws-sdk:lambda:listFunctions)',
  },
  'step-functions-agent/step-functions__web-search-agent.asl.json': {
    code: 'intrinsic-unknown-function',
    reason: 'calls States.Default, which is not an intrinsic function',
  },
};

/**
 * Whole families of fixtures whose Task Resource is not an ARN, which CreateStateMachine refuses
 * ("Value is not a valid resource ARN"). A file of a family counts as a verified rejection only when
 * every one of its errors has the family's code and names one of the family's Resource values, so a
 * family cannot hide any other regression. Files of the family that validate clean count as accepted.
 */
export interface KnownInvalidFamily {
  files: RegExp;
  code: string;
  /** Every error's message must match. */
  message: RegExp;
  reason: string;
}

export const KNOWN_INVALID_FAMILIES: KnownInvalidFamily[] = [
  {
    files: /^statebox\//,
    code: 'resource-not-arn',
    message: /^Resource of state "[^"]*" is "module:[A-Za-z]+"/,
    reason: 'statebox runs state machines locally: "module:<name>" names one of its own JavaScript modules, which AWS does not know (the corpus README says so)',
  },
  {
    files: /^statelint\//,
    code: 'resource-not-arn',
    message: /^Resource of state "[^"]*" is "foo:bar"/,
    reason: 'statelint checks the shape of a definition only; its fixtures use the URI "foo:bar" as a Resource, which is not an ARN',
  },
  {
    files: /^localstack\//,
    code: 'resource-not-arn',
    message: /^Resource of state "[^"]*" is "(_+tbd_+|_+TBD_+|_+tbc_+|%[A-Z_]+%)"/,
    reason: 'LocalStack test templates: the harness writes a real ARN over "__tbd__" (or %NAME%) before it creates the machine (the corpus README says so)',
  },
];
