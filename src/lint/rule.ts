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
  /**
   * Rules whose finding on the same path this rule's finding makes redundant: one fix, one finding. The more
   * specific rule names the general one (lambda-transient-retry supersedes task-retry on a Lambda Task).
   */
  supersedes?: readonly string[];
}

export type DefinitionSource = 'definition' | 'template' | 'serverless';

export interface RuleContext {
  definition: unknown;
  model: MachineModel;
  severity: Severity;
  options: Record<string, unknown>;
  workflowType: 'standard' | 'express';
  /** Where the definition was written: a bare definition file, a CloudFormation/SAM template, or a serverless.yml. */
  source: DefinitionSource;
  report(finding: Omit<Finding, 'code' | 'severity'>): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export function docsUrl(id: string): string {
  return `docs/rules/${id}.md`;
}
