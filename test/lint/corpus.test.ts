// Lint over real definitions (../shared/corpus, skipped when absent): it must finish on every file
// and no rule may throw (an internal-error finding would mean a rule crashed).
import { describe, expect, it } from 'vitest';
import { corpusPresent, readDefinition, readManifest } from '../validate/checks/corpus-helpers.js';
import { lintDefinition } from '../../src/lint/index.js';

describe.skipIf(!corpusPresent)('lint over the real-world corpus', () => {
  it('finishes on every file without a rule crashing', () => {
    let linted = 0;
    const crashed: string[] = [];
    for (const manifest of ['MANIFEST.tsv', 'invalid/MANIFEST.tsv']) {
      for (const { file } of readManifest(manifest)) {
        const definition = readDefinition(file);
        if (definition === undefined) continue;
        linted++;
        for (const f of lintDefinition(definition)) if (f.code === 'internal-error') crashed.push(`${file}: ${f.message}`);
      }
    }
    expect(linted).toBeGreaterThan(600);
    expect(crashed).toEqual([]);
  });
});
