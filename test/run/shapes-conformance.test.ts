// The mocked responses of the conformance cases are what real AWS Step Functions returned (recorded against
// AWS), so every one must pass the shape check: this is the guard against false alarms.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mockConfigShapeTargets } from '../../src/run/stubs/shape-targets.js';
import { hasMockShape, validateMockShape } from '../../src/run/stubs/shapes/index.js';

const cases = path.resolve(import.meta.dirname, '../../../shared/conformance/cases');

function recorded(): Array<{ file: string; definition: unknown; mockConfig: unknown; testCase: string; machine: string }> {
  const out = [];
  for (const area of readdirSync(cases)) {
    for (const name of readdirSync(path.join(cases, area))) {
      const c = JSON.parse(readFileSync(path.join(cases, area, name), 'utf8'));
      if (c.mockConfig === undefined) continue;
      out.push({ file: `${area}/${name}`, definition: c.definition, mockConfig: c.mockConfig, testCase: c.testCase, machine: c.stateMachineName });
    }
  }
  return out;
}

describe.skipIf(!existsSync(cases))('response shapes against responses recorded from AWS', () => {
  function problemsIn(mode: 'STRICT' | 'PRESENT'): { problems: string[]; checked: number } {
    const problems: string[] = [];
    let checked = 0;
    for (const c of recorded()) {
      for (const target of mockConfigShapeTargets(c.definition, c.mockConfig, c.machine, c.testCase)) {
        if (!hasMockShape(target.resource)) continue;
        checked++;
        for (const p of validateMockShape(target.resource, target.result, mode)) problems.push(`${c.file} ${target.pointer}${p.pointer}`);
      }
    }
    return { problems, checked };
  }

  it('finds nothing wrong in any recorded response with the default mode, present', () => {
    const { problems, checked } = problemsIn('PRESENT');
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  it('in STRICT mode reports only the one field S3 added after the SDK models were frozen (ChecksumType)', () => {
    const { problems } = problemsIn('STRICT');
    expect(problems.length).toBe(5);
    expect(problems.every((p) => p.endsWith('/S3PutObjectResponses/0/Return/ChecksumType'))).toBe(true);
  });
});
