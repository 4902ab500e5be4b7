/** asl-toolkit's public library API (docs/api.md). */
// High level: a path, a text (via loadText) or a definition object in, one result per state machine out.
export { validate, lint, loadFile, loadText, ConfigError } from './api/index.js';
export type { CheckInput, CheckResult, ValidateOptions, LintOptions, LintConfig } from './api/index.js';
export { SourceInputError } from './source/load-file.js';
export type { LoadTextOptions } from './source/load-text.js';
export type { RuleSetting } from './lint/index.js';
export type { Diagnostic, Finding, Severity } from './diagnostics.js';
export type { MachineSource, LoadedFile, SourcePosition, WorkflowType } from './source/types.js';
export * from './asl/types.js';
export { buildModel, transitionsOf, qualifiedName, ancestors } from './asl/walker.js';
export { stateView } from './asl/state-view.js';
export type { MachineModel, Scope, StateNode } from './asl/walker.js';
export { validateDefinition, validateMachine, locateFindings } from './validate/index.js';
export { graph, graphSvg, renderSvg, buildGraphModel } from './graph/index.js';
export type { GraphOptions, GraphTextFormat, Direction, GraphModel } from './graph/index.js';
export { execute, InvalidDefinitionError } from './api/execute.js';
export { testState, stubFileAnswerer, checkStubFile, mockConfigAnswerer, checkMockConfig, fileStubHooks, StatesError, RunSetupError, StubFileError, MockConfigError, ErrorNames, jsonataBounds, DEFAULT_JSONATA_BOUNDS } from './run/index.js';
export type { ExecuteOptions, ExecutionResult, ExecutionStatus, TaskAnswer, TaskAnswerer, TaskRequest, HistoryEvent, TestStateOptions, TestStateResult, TestStateStatus, TestStateInspection, TestStateMock, TestStateConfiguration, FieldValidationMode, StubFile, StubAnswer, StubHandler, StubHooks, FileProblem, JsonataBounds } from './run/index.js';
// asl test: scenario suites and workflow coverage (docs/test.md).
export { runTests } from './suite/index.js';
export type { RunTestsOptions } from './suite/index.js';
export { toLcov } from './suite/lcov.js';
export type { TestReport, TestFileResult, TestSummary, ScenarioResult, ScenarioStatus, Failure, TestFileSpec, ScenarioSpec, Expectations, StateExpectation, Matcher } from './suite/types.js';
export type { CoverageReport, MachineCoverage } from './suite/coverage.js';
export type { StateVisit, StateExit } from './run/types.js';
