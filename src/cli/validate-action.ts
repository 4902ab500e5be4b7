/**
 * What `asl validate` does once its flags are parsed. The command module imports this one module when the
 * action runs (one lazy import instead of three: fewer chunks for the command-line bundle to load), so other
 * commands and --help never load the validator.
 */
import type { CheckOptions } from './check-options.js';
import { runCheckCommand } from './check-runner.js';
import type { CommandContext } from './context.js';
import { validationRules } from './validation-rules.js';
import { validateMachine } from '../validate/index.js';

export function runValidate(ctx: CommandContext, paths: string[], options: CheckOptions): Promise<number> {
  return runCheckCommand(ctx, paths, options, validateMachine, validationRules());
}
