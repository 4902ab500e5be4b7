/** The source layer: read files and stdin, parse JSON and YAML keeping positions, find state machines. */
export type { LoadedFile, MachineSource, SourcePosition, WorkflowType } from './types.js';
export { loadText, MAX_FILE_BYTES, MAX_STREAM_BYTES } from './load-text.js';
export type { LoadTextOptions } from './load-text.js';
export { loadFile, SourceInputError } from './load-file.js';
export { expandInputs } from './expand.js';
export { loaderCodes } from './codes.js';
