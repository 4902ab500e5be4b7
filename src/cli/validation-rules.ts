/**
 * Metadata for every code `asl validate` can report (loader, schema stage, semantic checks),
 * for SARIF's rule table. Read from the modules that own the codes, never listed by hand here.
 */
import type { Severity } from '../diagnostics.js';
import type { RuleMetadata } from '../report/types.js';
import * as schema from '../validate/schema/index.js';
import { semanticChecks } from '../validate/checks/index.js';
import { loaderCodes } from '../source/codes.js';
import { checkDocsUrl } from './docs-url.js';

type CodeTable = Record<string, { description: string; severity: Severity }>;

export function validationRules(): RuleMetadata[] {
  const tables: CodeTable[] = [loaderCodes];
  // Read by name so this file compiles while the schema stage is still growing its table.
  const schemaCodes = (schema as Record<string, unknown>).schemaCodes;
  if (schemaCodes && typeof schemaCodes === 'object') tables.push(schemaCodes as CodeTable);
  for (const check of semanticChecks) tables.push(check.codes);
  const rules = new Map<string, RuleMetadata>();
  for (const table of tables) {
    for (const [id, meta] of Object.entries(table)) {
      if (!rules.has(id)) rules.set(id, { id, description: meta.description, severity: meta.severity, docsUrl: checkDocsUrl(id) });
    }
  }
  return [...rules.values()];
}
