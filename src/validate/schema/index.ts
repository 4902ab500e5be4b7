import type { ErrorObject } from 'ajv';
import validate from '../../generated/asl.schema.js';
import type { Finding, Severity } from '../../diagnostics.js';
import { getAtPointer } from '../../asl/pointer.js';
import { suggestNearest } from '../../asl/suggest.js';
import { isUnresolved } from '../../asl/unresolved.js';
import { translateError } from './translate.js';

/** Codes the schema stage reports; each has a page under docs/checks/. */
export const schemaCodes: Record<string, { description: string; severity: Severity }> = {
  'unknown-field': { description: 'A field that the state (or object) does not have.', severity: 'error' },
  'missing-field': { description: 'A required field is absent.', severity: 'error' },
  'wrong-type': { description: 'A field holds a value of the wrong JSON type.', severity: 'error' },
  'invalid-value': { description: 'A value outside the allowed set or range.', severity: 'error' },
  'invalid-state-type': { description: 'A state whose Type is not one of the eight state types.', severity: 'error' },
};

/** Schema stage: the shape of every field, unknown fields with suggestions. Never throws. */
export function runSchemaStage(definition: unknown): Finding[] {
  try {
    if (validate(definition)) return [];
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const error of (validate.errors ?? []) as ErrorObject[]) {
      const value = error.instancePath === '' ? definition : getAtPointer(definition, error.instancePath);
      if (error.keyword !== 'additionalProperties' && error.keyword !== 'required' && isUnresolved(value)) continue;
      const finding = translateError(error, value, suggestNearest);
      if (!finding) continue;
      const key = `${finding.code}\u0000${finding.path}\u0000${finding.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
    dropMissingExplainedByTypos(findings);
    // ajv reports in schema order; path order reads top to bottom like the file.
    return findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  } catch {
    return [];
  }
}

/**
 * `"ErrorEqual"` unknown and `ErrorEquals` missing in one object are one typo, not two problems:
 * keep the unknown-field finding (it names the fix) and drop the missing-field one.
 */
function dropMissingExplainedByTypos(findings: Finding[]): void {
  const suggested = new Set<string>();
  for (const f of findings) {
    const match = f.code === 'unknown-field' ? /did you mean "([^"]+)"\?$/.exec(f.message) : null;
    if (match) suggested.add(`${f.path.slice(0, f.path.lastIndexOf('/'))}\u0000${match[1]}`);
  }
  if (suggested.size === 0) return;
  for (let i = findings.length - 1; i >= 0; i--) {
    const f = findings[i]!;
    const field = f.code === 'missing-field' ? /"([^"]+)"$/.exec(f.message)?.[1] : undefined;
    if (field !== undefined && suggested.has(`${f.path}\u0000${field}`)) findings.splice(i, 1);
  }
}
