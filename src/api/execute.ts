/**
 * The library's `execute`: the interpreter's, after the definition passes `validate`. AWS creates no
 * state machine that validate reports errors in, so running one would test something that cannot be
 * deployed; it is refused with InvalidDefinitionError (a RunSetupError) listing the findings. Warnings
 * do not stop it. An input AWS would refuse (over 256 KB, or nested thousands deep) is a RunSetupError too.
 * `asl run` makes the same checks with positions itself, and calls the interpreter directly.
 */
import type { Finding } from '../diagnostics.js';
import { RunSetupError } from '../run/errors.js';
import { execute as runExecution } from '../run/execute.js';
import type { ExecuteOptions, ExecutionResult } from '../run/types.js';
import { validateDefinition } from '../validate/index.js';
import { MAX_DATA_NESTING, nestsDeeperThan } from '../run/nesting.js';

export class InvalidDefinitionError extends RunSetupError {
  constructor(readonly findings: Finding[]) {
    const list = findings.map((f) => `${f.path || '/'}: ${f.message} (${f.code})`).join('; ');
    super(`The definition is invalid, and AWS would not create it: ${list}`);
    this.name = 'InvalidDefinitionError';
  }
}

/** AWS's quota on an execution's input: 256 KiB of UTF-8 JSON text. */
const MAX_INPUT_BYTES = 262_144;

export async function execute(definition: unknown, input: unknown = {}, options: ExecuteOptions = {}): Promise<ExecutionResult> {
  const errors = validateDefinition(definition).findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) throw new InvalidDefinitionError(errors);
  checkInput(input);
  return runExecution(definition, input, options);
}

/** StartExecution refuses an input over its quota; one nested thousands deep could not even be recorded. */
function checkInput(input: unknown): void {
  if (nestsDeeperThan(input)) throw new RunSetupError(`The input nests objects and arrays more than ${MAX_DATA_NESTING} levels deep; flatten it.`);
  const bytes = Buffer.byteLength(JSON.stringify(input) ?? 'null', 'utf8');
  if (bytes > MAX_INPUT_BYTES) {
    throw new RunSetupError(`The input has ${bytes} bytes as JSON; AWS Step Functions accepts an execution input of at most ${MAX_INPUT_BYTES} bytes (256 KB).`);
  }
}
