import type { Finding, Severity } from '../diagnostics.js';
import type { MachineModel } from '../asl/walker.js';

/** What a semantic check sees: the parsed definition, the shared model, and a sink for findings. */
export interface CheckContext {
  definition: unknown;
  model: MachineModel;
  report(finding: Finding): void;
}

/**
 * One semantic check: a stable kebab-case code per kind of finding it can report
 * (each with a page under docs/checks/), and a function over the model.
 */
export interface SemanticCheck {
  /** Name of the check module, for tests and docs. */
  name: string;
  /** Every code this check may report, with a one-line description and severity. */
  codes: Record<string, { description: string; severity: Severity }>;
  run(ctx: CheckContext): void;
}
