// Each structure-check code has a page under docs/checks/ whose "Bad" example triggers that code
// and whose "Fixed" example does not, so the pages cannot drift from the checks.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { structureChecks } from '../../../src/validate/checks/structure.js';
import { runStructureChecks } from './corpus-helpers.js';

const docs = fileURLToPath(new URL('../../../docs/checks/', import.meta.url));
const codes = structureChecks.flatMap((check) => Object.keys(check.codes));

/** The JSON block that follows a "## <heading>" line. */
function example(page: string, heading: string): unknown {
  const section = page.split(`## ${heading}\n`)[1] ?? '';
  const block = /```json\n([\s\S]*?)\n```/.exec(section);
  return JSON.parse(block![1]!);
}

describe('docs pages of the structure checks', () => {
  for (const code of codes) {
    it(`show ${code} in the bad example and not in the fixed one`, () => {
      const file = `${docs}${code}.md`;
      expect(existsSync(file)).toBe(true);
      const page = readFileSync(file, 'utf8');
      expect(runStructureChecks(example(page, 'Bad')).map((f) => f.code)).toContain(code);
      expect(runStructureChecks(example(page, 'Fixed'))).toEqual([]);
    });
  }
});
