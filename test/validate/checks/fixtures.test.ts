// Golden fixtures: test/fixtures/checks/<check>/<case>.asl.json is run through that one check and
// its findings compared with <case>.expected.json (exact codes, severities, pointers and messages).
// `valid-*` cases must produce nothing. UPDATE_GOLDEN=1 rewrites the expected files.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/diagnostics.js';
import { buildModel } from '../../../src/asl/walker.js';
import { structureChecks } from '../../../src/validate/checks/structure.js';

const fixtures = fileURLToPath(new URL('../../fixtures/checks/', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';

function findingsOf(checkName: string, definition: unknown): Finding[] {
  const check = structureChecks.find((c) => c.name === checkName)!;
  const findings: Finding[] = [];
  check.run({ definition, model: buildModel(definition), report: (f) => findings.push(f) });
  return findings;
}

for (const checkName of readdirSync(fixtures)) {
  describe(`the ${checkName} check`, () => {
    it('has a module of that name', () => {
      expect(structureChecks.map((c) => c.name)).toContain(checkName);
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
        if (update || !existsSync(expectedFile)) writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n');
        expect(actual.length).toBeGreaterThan(0);
        expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
      });
    }
  });
}
