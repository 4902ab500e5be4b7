/**
 * Refuses, before anything runs, a definition whose variables Step Functions would refuse at creation: an
 * Assign key that is not a whole variable's valid name, or a nested scope assigning an outer scope's variable
 * (the rules of src/asl/variable-rules.ts, which `asl validate` reports as variable-name and variable-scope).
 */
import { badVariableNames, scopeConflicts } from '../asl/variable-rules.js';
import type { MachineModel } from '../asl/walker.js';
import { RunSetupError } from './errors.js';

export function refuseInvalidVariables(model: MachineModel): void {
  const bad = badVariableNames(model)[0];
  if (bad) throw new RunSetupError(`The definition is invalid at ${bad.pointer}: the Assign of state "${bad.node.name}": ${bad.problem} (asl validate reports it as variable-name).`, bad.pointer);
  const conflict = scopeConflicts(model)[0];
  if (conflict) {
    throw new RunSetupError(
      `The definition is invalid at ${conflict.pointer}: state "${conflict.node.name}" assigns "$${conflict.write.name}", which state "${conflict.outer.name}" of an enclosing scope also assigns; a nested scope cannot assign an outer variable (asl validate reports it as variable-scope).`,
      conflict.pointer,
    );
  }
}
