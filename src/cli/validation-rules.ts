/**
 * Metadata for every code `asl validate` can report (loader, schema stage, semantic checks),
 * for SARIF's rule table. Read from the modules that own the codes, never listed by hand here.
 */
import type { Severity } from '../diagnostics.js';
import type { RuleMetadata } from '../report/types.js';
import * as schema from '../validate/schema/index.js';
import { semanticChecks } from '../validate/checks/index.js';
import * as source from '../source/index.js';
import { checkDocsUrl } from './docs-url.js';

type CodeTable = Record<string, { description: string; severity: Severity }>;

export function validationRules(): RuleMetadata[] {
  const tables: CodeTable[] = [];
  const exported = (module: object, name: string): unknown => (module as Record<string, unknown>)[name];
  for (const table of [exported(source, 'loaderCodes'), exported(source, 'sourceCodes'), exported(schema, 'schemaCodes')]) {
    if (table && typeof table === 'object') tables.push(table as CodeTable);
  }
  for (const check of semanticChecks) tables.push(check.codes);
  const rules = new Map<string, RuleMetadata>();
  for (const table of tables) {
    for (const [id, meta] of Object.entries(table)) {
      if (!rules.has(id)) rules.set(id, { id, description: meta.description, severity: meta.severity, docsUrl: checkDocsUrl(id) });
    }
  }
  return [...rules.values()];
}
