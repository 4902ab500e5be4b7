// A machine with a very large number of findings (a generated definition, a minified file with a mistake
// repeated everywhere) must still print: the stylish report once spread every finding into Math.max(...)
// and overflowed the stack at about 45,000 findings.
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { formatStylish } from '../../src/report/stylish.js';

describe('stylish with 100,000 findings', () => {
  test('prints every finding and the summary, in linear time', () => {
    const count = 100_000;
    const lines: string[] = [];
    const diagnostics: Diagnostic[] = [];
    for (let i = 0; i < count; i++) {
      lines.push(`  "S${i}": { "Type": "Pass", "Next": "Nowhere" },`);
      diagnostics.push({ code: 'next-state-exists', severity: i % 2 ? 'warning' : 'error', message: `Next "Nowhere" of S${i} does not exist`, path: `/States/S${i}/Next`, line: i + 1, column: 33 });
    }
    const text = lines.join('\n');
    const started = performance.now();
    const report = formatStylish([{ file: 'big.asl.json', machine: '', valid: false, diagnostics }], { sourceText: () => text });
    const ms = performance.now() - started;
    expect(report.endsWith('✖ 100000 problems (50000 errors, 50000 warnings) in 1 file\n')).toBe(true);
    // One line per finding, its source line and its caret line.
    expect(report.split('\n').length).toBeGreaterThan(3 * count);
    expect(report).toContain('  100000:33  warning  Next "Nowhere" of S99999 does not exist  next-state-exists');
    // About 0.3 s here; the bound only catches a quadratic slip.
    expect(ms).toBeLessThan(10_000);
  });
});
