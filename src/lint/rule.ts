/** A lint rule is data (meta) plus a function (check); the registry, config validation and docs read the meta. */
import type { Finding, Severity } from '../diagnostics.js';
import type { MachineModel } from '../asl/walker.js';

export interface RuleMeta {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** JSON Schema of the rule's options (undefined when it takes none). */
  optionsSchema?: Record<string, unknown>;
  docsUrl: string;
}

export interface RuleContext {
  definition: unknown;
  model: MachineModel;
  severity: Severity;
  options: Record<string, unknown>;
  workflowType: 'standard' | 'express';
  report(finding: Omit<Finding, 'code' | 'severity'>): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export function docsUrl(id: string): string {
  return `docs/rules/${id}.md`;
}
