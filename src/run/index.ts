/**
 * The interpreter's public API: `execute(definition, input, options)` runs a state machine with Task
 * states answered by stubs, on a virtual clock, and returns the result and history; `testState` runs one
 * state as the TestState API does. Pure: they print nothing and touch no process state.
 */
export { execute } from './execute.js';
export type { ExecuteOptions, ExecutionResult, ExecutionStatus, TaskAnswer, TaskAnswerer, TaskRequest } from './types.js';
export type { HistoryEvent } from './history.js';
export { DEFAULT_JSONATA_BOUNDS, jsonataBounds } from './jsonata-guard.js';
export type { JsonataBounds } from './jsonata-guard.js';
export { StatesError, RunSetupError, ErrorNames } from './errors.js';
export { HistoryLimitError } from './history.js';
export { checkMockConfig, mockConfigAnswerer, MockConfigError } from './stubs/mock-config.js';
export { describePointer } from './stubs/problems.js';
export type { FileProblem } from './stubs/problems.js';
export { testState } from './test-state.js';
export type { TestStateOptions, TestStateResult, TestStateStatus, TestStateInspection, TestStateMock, TestStateConfiguration } from './test-state.js';
export { validateMockShape } from './mock-shape.js';
export type { FieldValidationMode, MockShapeProblem, ShapeValidator } from './mock-shape.js';
export { fileStubHooks } from './stubs/node-hooks.js';
export { checkStubFile, stubFileAnswerer, StubFileError } from './stubs/stub-file.js';
export type { StubFile, StubAnswer, StubHandler, StubHooks } from './stubs/stub-file.js';
