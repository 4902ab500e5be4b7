// Real-world definitions (../shared/corpus next to the repository; skipped when absent):
// nearly all of them must validate without errors, and nearly all of the ones their own projects
// expect to be rejected must be. Failing files are printed so a regression names its culprits.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { loadText } from '../../src/source/index.js';
import { validateMachine } from '../../src/validate/index.js';
import { KNOWN_INVALID, KNOWN_INVALID_FAMILIES } from './known-invalid.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const corpus = resolve(repoRoot, '../shared/corpus');
const present = existsSync(join(corpus, 'MANIFEST.tsv'));

/** The `file` column of a corpus manifest. */
function manifestFiles(manifest: string): string[] {
  const [header, ...rows] = readFileSync(join(corpus, manifest), 'utf8').trim().split('\n');
  const column = header!.split('\t').indexOf('file');
  return rows.map((row) => row.split('\t')[column]!).filter(Boolean);
}

/** Every error for one file: loading, then each machine it holds. */
function errorsOf(file: string): Diagnostic[] {
  const loaded = loadText(readFileSync(join(corpus, file), 'utf8'), file, { baseDir: dirname(join(corpus, file)) });
  const diagnostics = [...loaded.diagnostics, ...loaded.machines.flatMap((machine) => validateMachine(machine))];
  if (loaded.machines.length === 0 && diagnostics.length === 0) {
    diagnostics.push({ code: 'no-state-machine', severity: 'error', message: 'no state machine found', path: '', line: 1, column: 1 });
  }
  return diagnostics.filter((d) => d.severity === 'error');
}

/** Every error is one its family of fixtures is known for (see KNOWN_INVALID_FAMILIES). */
function inFamily(file: string, errors: Diagnostic[]): boolean {
  const family = KNOWN_INVALID_FAMILIES.find((f) => f.files.test(file));
  return family !== undefined && errors.every((d) => d.code === family.code && family.message.test(d.message));
}

function describeFailure(file: string, errors: Diagnostic[]): string {
  const first = errors.slice(0, 3).map((d) => `${d.line}:${d.column} ${d.code}: ${d.message}`);
  return `${file}\n    ${first.join('\n    ')}${errors.length > 3 ? `\n    … ${errors.length - 3} more` : ''}`;
}

describe.skipIf(!present)('validate over the real-world corpus', () => {
  it('accepts at least 98% of the real-world definitions that Step Functions would accept', () => {
    const files = manifestFiles('MANIFEST.tsv');
    const rejected: string[] = [];
    const knownButAccepted: string[] = [];
    let familyRejections = 0;
    for (const file of files) {
      const errors = errorsOf(file);
      const known = KNOWN_INVALID[file];
      if (known) {
        // A listed file must stay rejected, for the reason given: the list may not hide a regression.
        if (!errors.some((d) => d.code === known.code)) knownButAccepted.push(`${file} (expected ${known.code})`);
      } else if (errors.length > 0 && inFamily(file, errors)) familyRejections++;
      else if (errors.length > 0) rejected.push(describeFailure(file, errors));
    }
    const verified = Object.keys(KNOWN_INVALID).length + familyRejections;
    const judged = files.length - verified;
    const accepted = (judged - rejected.length) / judged;
    const raw = (judged - rejected.length) / files.length;
    console.log(
      `Real-world corpus: ${(raw * 100).toFixed(1)}% of all ${files.length} accepted; ${verified} rejections verified as definitions AWS would refuse ` +
        `(${familyRejections} of them fixtures of other runtimes and test harnesses with a non-ARN Resource); ` +
        `${(accepted * 100).toFixed(1)}% of the other ${judged} accepted`,
    );
    if (rejected.length > 0) console.log(`Rejected ${rejected.length} other definitions:\n  ${rejected.join('\n  ')}`);
    expect(files.length).toBeGreaterThan(800);
    expect(knownButAccepted).toEqual([]);
    expect(accepted).toBeGreaterThanOrEqual(0.98);
  });

  it('rejects at least 95% of the definitions their own projects expect to fail', () => {
    const files = manifestFiles('invalid/MANIFEST.tsv');
    const missed = files.filter((file) => errorsOf(file).length === 0);
    const rejected = (files.length - missed.length) / files.length;
    if (missed.length > 0) {
      console.log(`Accepted ${missed.length} of ${files.length} invalid definitions (${(rejected * 100).toFixed(1)}% rejected):\n  ${missed.join('\n  ')}`);
    }
    expect(files.length).toBeGreaterThan(50);
    expect(rejected).toBeGreaterThanOrEqual(0.95);
  });
});
