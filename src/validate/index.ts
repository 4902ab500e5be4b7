/**
 * `validate`: the schema stage, then the semantic checks, over one definition.
 * Both stages speak in JSON Pointers; positions are looked up afterwards and only for the findings
 * that exist, so a clean definition costs one walk.
 */
import type { Diagnostic, Finding } from '../diagnostics.js';
import { compareDiagnostics } from '../diagnostics.js';
import { buildModel, type MachineModel } from '../asl/walker.js';
import type { MachineSource } from '../source/types.js';
import { runSchemaStage } from './schema/index.js';
import { semanticChecks } from './checks/index.js';

export interface ValidationResult {
  model: MachineModel;
  findings: Finding[];
}

/** Validates a parsed definition; returns findings without positions (pure, no I/O). */
export function validateDefinition(definition: unknown, model: MachineModel = buildModel(definition)): ValidationResult {
  const findings: Finding[] = runSchemaStage(definition);
  const seen = new Set(findings.map(findingKey));
  const report = (finding: Finding): void => {
    // The two stages may notice the same thing at the same place; say it once.
    const key = findingKey(finding);
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(finding);
  };
  const schemaCount = findings.length;
  for (const check of semanticChecks) check.run({ definition, model, report });
  return { model, findings: withoutSupersededUnknownFields(findings, schemaCount) };
}

/**
 * Schema codes about one key or one value, which a semantic check may explain better at the same
 * place: a misspelt key (a Choice rule's "BooleanEqual" → did you mean "BooleanEquals"?) or a number
 * out of range (a retrier's "BackoffRate": 0.5, which retry-limit explains with the allowed range).
 */
const SUPERSEDABLE_SCHEMA_CODES: ReadonlySet<string> = new Set(['unknown-field', 'invalid-value']);

/** One mistake gets one diagnostic: where both stages speak about the same key, the semantic one. */
function withoutSupersededUnknownFields(findings: Finding[], schemaCount: number): Finding[] {
  if (schemaCount === 0 || schemaCount === findings.length) return findings;
  const semanticPaths = new Set(findings.slice(schemaCount).map((f) => f.path));
  return findings.filter(
    (f, index) => index >= schemaCount || !SUPERSEDABLE_SCHEMA_CODES.has(f.code) || !semanticPaths.has(f.path),
  );
}

function findingKey(f: Finding): string {
  return `${f.code}\u0000${f.path}\u0000${f.message}`;
}

/** Attaches file positions to findings, using the machine's lazy pointer index. */
export function locateFindings(findings: readonly Finding[], machine: Pick<MachineSource, 'locate'>): Diagnostic[] {
  return findings
    .map((finding) => ({ ...finding, ...machine.locate(finding.path) }))
    .sort(compareDiagnostics);
}

/** Validates one loaded state machine: load-time findings plus both stages, positioned in the file. */
export function validateMachine(machine: MachineSource): Diagnostic[] {
  const { findings } = validateDefinition(machine.definition);
  return [...machine.diagnostics, ...locateFindings(findings, machine)].sort(compareDiagnostics);
}
