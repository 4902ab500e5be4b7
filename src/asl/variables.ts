/**
 * Workflow variables (`Assign`, `$name`) as Step Functions scopes them, read from the definition without
 * evaluating it. Shared by lint (undefined/unused variables) and anything else that needs to know which
 * variables a state reads or writes. The work is split by job; this module gathers their API:
 *
 * - `variable-names.ts`: which names a JSONPath path or a JSONata expression references;
 * - `variable-reads.ts`: which references a state makes, and where (reads);
 * - `variable-writes.ts`: what a state's `Assign` fields assign, by the outcome that applies them (writes);
 * - `variable-graph.ts`: the transitions between states, labelled with what they assign, and reachability;
 * - `variable-flow.ts`: which variables may or must hold a value when a state starts (visibility).
 */
export { jsonataVariables, jsonPathVariables, type JsonataVariable } from './variable-names.js';
export { variableReads, type VariableRead } from './variable-reads.js';
export { allWrites, variableWrites, writePointer, type StateWrites, type VariableWrite } from './variable-writes.js';
export { analyzeVariables, type VariableFlow } from './variable-flow.js';
