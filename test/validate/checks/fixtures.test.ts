// Golden fixtures: test/fixtures/checks/<check>/<case>.asl.json is run through that one check and
// its findings compared with <case>.expected.json (exact codes, severities, pointers and messages).
// `valid-*` cases must produce nothing. UPDATE_GOLDEN=1 writes or rewrites the expected files; a missing one fails.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/diagnostics.js';
import { buildModel } from '../../../src/asl/walker.js';
import { semanticChecks } from '../../../src/validate/checks/index.js';
import { expectGoldenJson } from '../../report/golden.js';

const fixtures = fileURLToPath(new URL('../../fixtures/checks/', import.meta.url));

function findingsOf(checkName: string, definition: unknown): Finding[] {
  const check = semanticChecks.find((c) => c.name === checkName)!;
  const findings: Finding[] = [];
  check.run({ definition, model: buildModel(definition), report: (f) => findings.push(f) });
  return findings;
}

for (const checkName of readdirSync(fixtures)) {
  describe(`the ${checkName} check`, () => {
    it('has a module of that name', () => {
      expect(semanticChecks.map((c) => c.name)).toContain(checkName);
    });
    for (const file of readdirSync(join(fixtures, checkName)).filter((f) => f.endsWith('.asl.json')).sort()) {
      const name = file.replace(/\.asl\.json$/, '');
      const expectedFile = join(fixtures, checkName, `${name}.expected.json`);
      it(`reports exactly the expected findings for ${name}`, () => {
        const definition: unknown = JSON.parse(readFileSync(join(fixtures, checkName, file), 'utf8'));
        const actual = findingsOf(checkName, definition);
        if (name.startsWith('valid-')) {
          expect(actual).toEqual([]);
          return;
        }
        expect(actual.length).toBeGreaterThan(0);
        expectGoldenJson(actual, expectedFile);
      });
    }
  });
}
