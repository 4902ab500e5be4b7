import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { globSync } from 'tinyglobby';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runSchemaStage } from '../../../src/validate/schema/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');

/** The corpus definitions that parse, with their paths; `ignore` leaves folders out. */
function* corpusDefinitions(ignore: string[] = []): Generator<{ file: string; definition: unknown }> {
  for (const file of globSync(['**/*.asl.json', '**/*.asl.yaml'], { cwd: corpus, ignore })) {
    let definition: unknown;
    try {
      const text = readFileSync(path.join(corpus, file), 'utf8');
      definition = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { logLevel: 'silent' });
    } catch {
      continue;
    }
    yield { file, definition };
  }
}

describe.skipIf(!existsSync(corpus))('schema stage over the real-world corpus', () => {
  it('finds at least 98% of the valid definitions clean', () => {
    // The corpus's invalid/ folder holds definitions that are broken on purpose.
    const failing: string[] = [];
    let parsed = 0;
    for (const { file, definition } of corpusDefinitions(['invalid/**'])) {
      parsed++;
      const findings = runSchemaStage(definition);
      if (findings.length > 0) failing.push(`${file}: ${findings.map((f) => `${f.path} ${f.message}`).join(' | ')}`);
    }
    console.log(`schema stage corpus: ${parsed - failing.length}/${parsed} clean\n${failing.join('\n')}`);
    expect(failing.length).toBeLessThanOrEqual(parsed * 0.02);
  });

  it('never passes ajv wording through, on the valid and the invalid definitions alike', () => {
    const ajvWording = /must match|must be equal to one of the allowed values|must NOT have|must have required|must be (string|integer|number|object|array|boolean)\b|oneOf|anyOf|allOf|additionalProperties/;
    const raw: string[] = [];
    let findings = 0;
    for (const { file, definition } of corpusDefinitions()) {
      for (const f of runSchemaStage(definition)) {
        findings++;
        if (ajvWording.test(f.message)) raw.push(`${file} ${f.path}: ${f.message}`);
      }
    }
    expect(findings).toBeGreaterThan(20);
    expect(raw).toEqual([]);
  });
});
