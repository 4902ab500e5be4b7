/** `--workflow-type standard|express`, shared by lint and run: the value, or a usage error naming the choices. */
import { UsageError } from './errors.js';

export type WorkflowTypeFlag = 'standard' | 'express';

export function workflowTypeFlag(value: unknown): WorkflowTypeFlag | undefined {
  if (value === undefined) return undefined;
  if (value === 'standard' || value === 'express') return value;
  throw new UsageError(`--workflow-type must be "standard" or "express", not "${String(value)}".`);
}

/** The flag as the run library spells a state machine type (STANDARD / EXPRESS). */
export function stateMachineTypeOf(value: unknown): 'STANDARD' | 'EXPRESS' | undefined {
  const flag = workflowTypeFlag(value);
  return flag === undefined ? undefined : flag === 'express' ? 'EXPRESS' : 'STANDARD';
}
