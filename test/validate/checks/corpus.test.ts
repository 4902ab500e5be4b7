// The structure checks over real definitions (../shared/corpus, skipped when absent). Real
// workflows that AWS accepted must pass nearly all; every file with an error is printed so a
// regression names its culprits.
import { describe, expect, it } from 'vitest';
import { corpusPresent, readDefinition, readManifest, runStructureChecks } from './corpus-helpers.js';

describe.skipIf(!corpusPresent)('structure checks over the real-world corpus', () => {
  it('report errors for fewer than 2% of the definitions', () => {
    const rows = readManifest('MANIFEST.tsv');
    const failing: string[] = [];
    let checked = 0;
    for (const { file } of rows) {
      const definition = readDefinition(file);
      if (definition === undefined) continue;
      checked++;
      const errors = runStructureChecks(definition).filter((f) => f.severity === 'error');
      if (errors.length > 0) failing.push(`${file}\n${errors.map((e) => `  ${e.code} ${e.path}: ${e.message}`).join('\n')}`);
    }
    if (failing.length > 0) console.log(`structure checks: ${failing.length}/${checked} corpus files with errors\n${failing.join('\n')}`);
    expect(checked).toBeGreaterThan(600);
    expect(failing.length / checked).toBeLessThan(0.02);
  });

  it('reject part of the definitions their own projects expect to be rejected', () => {
    const rows = readManifest('invalid/MANIFEST.tsv');
    const rejected: string[] = [];
    const accepted: string[] = [];
    for (const { file, reason } of rows) {
      const definition = readDefinition(file);
      if (definition === undefined) continue;
      const errors = runStructureChecks(definition).filter((f) => f.severity === 'error');
      (errors.length > 0 ? rejected : accepted).push(`${file} — ${reason.slice(0, 160)}${errors.length ? `\n  ${errors.map((e) => `${e.code} ${e.path}`).join(', ')}` : ''}`);
    }
    console.log(
      `structure checks reject ${rejected.length}/${rejected.length + accepted.length} invalid corpus files\n` +
        `REJECTED:\n${rejected.join('\n')}\nACCEPTED (left to the schema and path checks, or missed):\n${accepted.join('\n')}`,
    );
    expect(rejected.length).toBeGreaterThan(0);
  });
});
