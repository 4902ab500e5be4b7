/** asl-toolkit's public library API. */
export type { Diagnostic, Finding, Severity } from './diagnostics.js';
export type { MachineSource, LoadedFile, SourcePosition, WorkflowType } from './source/types.js';
export * from './asl/types.js';
export { buildModel, transitionsOf, qualifiedName, ancestors } from './asl/walker.js';
export type { MachineModel, Scope, StateNode } from './asl/walker.js';
export { validateDefinition, validateMachine, locateFindings } from './validate/index.js';
export { graph, graphSvg, renderSvg, buildGraphModel } from './graph/index.js';
export type { GraphOptions, GraphTextFormat, Direction, GraphModel } from './graph/index.js';
