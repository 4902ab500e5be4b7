/**
 * Mutation of real definitions: every valid definition of examples/, of the valid test fixtures and of the
 * real-world corpus (../shared/corpus, skipped when absent) is broken in one place at a time (mutations.ts),
 * and validate must report an error at exactly the pointer that was changed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/api/index.js';
import { loadText } from '../../src/source/index.js';
import { mutationsOf } from './mutations.js';

type Json = Record<string, unknown>;

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const corpus = resolve(repoRoot, '../shared/corpus');

/** The definitions a file holds (a bare definition or the machines of a template). */
function definitionsIn(file: string): Json[] {
  const loaded = loadText(readFileSync(file, 'utf8'), file, { baseDir: dirname(file) });
  return loaded.machines.map((m) => m.definition).filter((d): d is Json => d !== null && typeof d === 'object' && !Array.isArray(d));
}

function filesUnder(folder: string, keep: (name: string) => boolean): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Mutates every valid definition of `files`; returns the mutations validate missed, and how many were tried. */
async function missed(files: string[]): Promise<{ tried: number; misses: string[] }> {
  const misses: string[] = [];
  let tried = 0;
  for (const file of files) {
    for (const definition of definitionsIn(file)) {
      const [original] = await validate(definition);
      if (!original!.valid) continue;
      for (const mutation of mutationsOf(definition)) {
        tried++;
        const [result] = await validate(mutation.definition);
        const hit = result!.diagnostics.some((d) => d.severity === 'error' && d.path === mutation.pointer);
        if (!hit) misses.push(`${file.slice(repoRoot.length)}: ${mutation.kind} at ${mutation.pointer} gave ${result!.diagnostics.map((d) => `${d.code}@${d.path}`).join(', ') || 'nothing'}`);
      }
    }
  }
  return { tried, misses };
}

describe('validate reports each mutation of a valid definition at the mutated pointer', () => {
  it('mutates every kind, in nested scopes too', () => {
    const definition = {
      StartAt: 'Fan',
      States: {
        Fan: { Type: 'Parallel', InputPath: '$.x', Branches: [{ StartAt: 'In', States: { In: { Type: 'Pass', Next: 'Out' }, Out: { Type: 'Succeed' } } }], Next: 'Pick' },
        Pick: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'Done' }], Default: 'Done' },
        Done: { Type: 'Pass', End: true },
      },
    };
    const seen = mutationsOf(definition).map((m) => `${m.kind} ${m.pointer}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'drop-next /States/Fan/Branches/0/States/In',
        'missing-target /States/Fan/Next',
        'wrong-type /States/Fan/Branches/0/States/In/Next',
        'missing-target /States/Pick/Choices/0/Next',
        'missing-target /States/Pick/Default',
        'wrong-type /States/Done/End',
        'broken-path /States/Fan/InputPath',
        'broken-path /States/Fan/Branches/0/States/In/InputPath',
      ]),
    );
    // An existing path is broken where it stands; the original is left as it was.
    const broken = mutationsOf(definition).find((m) => m.pointer === '/States/Fan/InputPath')!;
    expect((broken.definition.States as Record<string, Record<string, unknown>>).Fan!.InputPath).toBe('$.x[?(@.id ==)]');
    expect(definition.States.Fan.InputPath).toBe('$.x');
  });

  it('in examples/ and the valid test fixtures', async () => {
    const files = [
      ...filesUnder(join(repoRoot, 'examples'), (n) => n.endsWith('.asl.json')),
      ...filesUnder(join(repoRoot, 'test/fixtures/checks'), (n) => n.startsWith('valid-') && n.endsWith('.asl.json')),
      ...filesUnder(join(repoRoot, 'test/fixtures/real-world'), (n) => /\.(asl\.json|json)$/.test(n)),
    ];
    const { tried, misses } = await missed(files);
    expect(misses).toEqual([]);
    expect(tried).toBeGreaterThan(100);
  });

  it.skipIf(!existsSync(join(corpus, 'MANIFEST.tsv')))('in the real-world corpus', { timeout: 120_000 }, async () => {
    const [header, ...rows] = readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
    const column = header!.split('\t').indexOf('file');
    const files = rows.map((row) => join(corpus, row.split('\t')[column]!));
    const { tried, misses } = await missed(files.filter((f) => existsSync(f)));
    expect(misses).toEqual([]);
    expect(tried).toBeGreaterThan(1000);
  });
});
