/**
 * The library's `execute`: the interpreter's, after the definition passes `validate`. AWS creates no
 * state machine that validate reports errors in, so running one would test something that cannot be
 * deployed; it is refused with InvalidDefinitionError (a RunSetupError) listing the findings. Warnings
 * do not stop it. `asl run` validates with positions itself, and calls the interpreter directly.
 */
import type { Finding } from '../diagnostics.js';
import { RunSetupError } from '../run/errors.js';
import { execute as runExecution } from '../run/execute.js';
import type { ExecuteOptions, ExecutionResult } from '../run/types.js';
import { validateDefinition } from '../validate/index.js';

export class InvalidDefinitionError extends RunSetupError {
  constructor(readonly findings: Finding[]) {
    const list = findings.map((f) => `${f.path || '/'}: ${f.message} (${f.code})`).join('; ');
    super(`The definition is invalid, and AWS would not create it: ${list}`);
    this.name = 'InvalidDefinitionError';
  }
}

export async function execute(definition: unknown, input: unknown = {}, options: ExecuteOptions = {}): Promise<ExecutionResult> {
  const errors = validateDefinition(definition).findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) throw new InvalidDefinitionError(errors);
  return runExecution(definition, input, options);
}
