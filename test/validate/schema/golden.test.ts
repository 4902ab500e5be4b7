// Golden fixtures: each test/fixtures/schema/<case>.asl.json sits beside <case>.expected.json, the exact findings.
// Run with UPDATE_GOLDEN=1 to write or rewrite the expected files, then review the diff; a missing one fails.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runSchemaStage } from '../../../src/validate/schema/index.js';
import { validateDefinition } from '../../../src/validate/index.js';
import { expectGoldenJson } from '../../report/golden.js';

const dir = fileURLToPath(new URL('../../fixtures/schema/', import.meta.url));
const cases = readdirSync(dir).filter((f) => f.endsWith('.asl.json')).map((f) => f.slice(0, -'.asl.json'.length)).sort();
const ajvWording = /must match|must be equal to one of the allowed values|must NOT have|must have required|must be (string|integer|number|object|array|boolean)/;

describe('schema stage golden fixtures', () => {
  it.each(cases)('%s gives exactly the expected findings', (name) => {
    const findings = runSchemaStage(JSON.parse(readFileSync(`${dir}${name}.asl.json`, 'utf8')));
    const expectedFile = `${dir}${name}.expected.json`;
    expectGoldenJson(findings, expectedFile);
    if (name.endsWith('-valid')) expect(findings).toEqual([]);
    else expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) expect(finding.message).not.toMatch(ajvWording);
  });
});

describe('the valid schema fixtures', () => {
  it.each(cases.filter((name) => name.endsWith('-valid')))('%s has no error in the whole validator, semantic checks included', (name) => {
    const { findings } = validateDefinition(JSON.parse(readFileSync(`${dir}${name}.asl.json`, 'utf8')));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
