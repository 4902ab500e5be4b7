// Shared by the corpus tests and the timing script: read real definitions and run only the
// structure checks over them.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { parse as parseYaml } from 'yaml';
import type { Finding } from '../../../src/diagnostics.js';
import { buildModel } from '../../../src/asl/walker.js';
import { structureChecks } from '../../../src/validate/checks/structure.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const corpusDir = resolve(repoRoot, '../shared/corpus');
export const corpusPresent = existsSync(join(corpusDir, 'MANIFEST.tsv'));

export interface ManifestRow {
  file: string;
  reason: string;
}

export function readManifest(manifest: string): ManifestRow[] {
  const [header, ...rows] = readFileSync(join(corpusDir, manifest), 'utf8').trim().split('\n');
  const columns = header!.split('\t');
  const file = columns.indexOf('file');
  const reason = columns.indexOf('reason');
  return rows
    .map((row) => row.split('\t'))
    .map((cells) => ({ file: cells[file] ?? '', reason: reason >= 0 ? (cells[reason] ?? '') : '' }))
    .filter((row) => row.file);
}

/**
 * The parsed definition, or undefined when this test cannot read it: .json5 files are read as JSON
 * with comments and trailing commas, and skipped when they use more of JSON5 than that.
 */
export function readDefinition(file: string): unknown {
  const text = readFileSync(join(corpusDir, file), 'utf8');
  if (file.endsWith('.json')) return JSON.parse(text);
  if (file.endsWith('.yaml') || file.endsWith('.yml')) return parseYaml(text, { logLevel: 'silent' }); // CloudFormation tags stay plain values here
  if (file.endsWith('.json5')) {
    const errors: ParseError[] = [];
    const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
    return errors.length === 0 ? value : undefined;
  }
  return undefined;
}

/** Every finding of the structure checks alone. */
export function runStructureChecks(definition: unknown): Finding[] {
  const model = buildModel(definition);
  const findings: Finding[] = [];
  for (const check of structureChecks) check.run({ definition, model, report: (f) => findings.push(f) });
  return findings;
}
