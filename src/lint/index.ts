/**
 * `lint`: everything validate reports, plus the best-practice rules. Pure: no I/O.
 * Each rule is wrapped so an exception becomes an `internal-error` finding rather than a crash.
 */
import type { Diagnostic, Finding, Severity } from '../diagnostics.js';
import { compareDiagnostics } from '../diagnostics.js';
import { buildModel } from '../asl/walker.js';
import { validateDefinition, locateFindings } from '../validate/index.js';
import type { MachineSource } from '../source/types.js';
import { rules } from './rules/index.js';
import { collectDisables, isSuppressed, unusedDisables } from './suppressions.js';
import { dropSuperseded } from './overlap.js';
import type { DefinitionSource } from './rule.js';

export type RuleSetting = 'off' | Severity;
export interface ResolvedLintConfig {
  rules: Record<string, { severity: RuleSetting; options?: Record<string, unknown> }>;
  workflowType?: 'standard' | 'express';
  /** Report inline disables that silence nothing (`--report-unused-disables`). */
  reportUnusedDisables?: boolean;
  /** Glob patterns of files to skip, relative to `baseDir` (see `isIgnored` in ./config.ts). */
  ignore?: string[];
  /** Per-file settings, applied in order by `configForFile` in ./config.ts. */
  overrides?: Array<{ files: string[]; rules: ResolvedLintConfig['rules']; workflowType?: 'standard' | 'express' }>;
  /** The folder `ignore` and `overrides` globs are relative to: the config file's. */
  baseDir?: string;
}

export interface LintOptions {
  config?: ResolvedLintConfig;
  workflowType?: 'standard' | 'express';
  /** Report inline disables that silence nothing; overrides the config's `reportUnusedDisables`. */
  reportUnusedDisables?: boolean;
  /** Where the definition was written, so advice can name the right way to parameterise it. Default: a bare definition. */
  source?: DefinitionSource;
}

/** The pointer at which a loader found the definition tells the kind of file (see src/source/machines.ts). */
export function definitionSource(pointer: string): DefinitionSource {
  if (pointer.startsWith('/stepFunctions/')) return 'serverless';
  return pointer.startsWith('/Resources/') ? 'template' : 'definition';
}

/** Runs validation and every enabled rule over a parsed definition; returns findings without positions. */
export function lintDefinition(definition: unknown, options: LintOptions = {}): Finding[] {
  const model = buildModel(definition);
  const { findings } = validateDefinition(definition, model);
  const workflowType = options.workflowType ?? options.config?.workflowType ?? 'standard';
  const disables = collectDisables(model);
  const reported: Finding[] = [];
  for (const rule of rules) {
    const setting = options.config?.rules[rule.meta.id];
    const severity = setting?.severity ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    const code = rule.meta.id;
    try {
      rule.check({
        definition,
        model,
        severity,
        options: setting?.options ?? {},
        workflowType,
        source: options.source ?? 'definition',
        report: (f) => reported.push({ ...f, code, severity }),
      });
    } catch (error) {
      findings.push({
        code: 'internal-error',
        severity: 'error',
        path: '',
        message: `Rule "${code}" failed on this definition (${(error as Error)?.message ?? String(error)}); please report this bug. Disable the rule to continue.`,
      });
    }
  }
  // Overlaps are settled before suppressions, so disabling the specific rule on a state also quiets the general one there.
  for (const f of dropSuperseded(reported)) if (!isSuppressed(disables, f.code, f.path)) findings.push(f);
  if (options.reportUnusedDisables ?? options.config?.reportUnusedDisables) findings.push(...unusedDisables(disables));
  return findings;
}

/** Lints one loaded machine: load-time diagnostics plus validation and rules, positioned in the file. */
export function lint(machine: MachineSource, config?: ResolvedLintConfig): Diagnostic[] {
  const workflowType = config?.workflowType ?? (machine.workflowType === 'EXPRESS' ? 'express' : undefined);
  const findings = lintDefinition(machine.definition, { config, workflowType, source: definitionSource(machine.pointer) });
  return [...machine.diagnostics, ...locateFindings(findings, machine)].sort(compareDiagnostics);
}

export { rules, rulesById } from './rules/index.js';
export type { Rule, RuleMeta, RuleContext, DefinitionSource } from './rule.js';
