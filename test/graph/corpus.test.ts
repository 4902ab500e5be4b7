// Real-world definitions (../shared/corpus next to the repository; skipped when absent): every one, those
// its sources call invalid included, and every machine in the corpus's whole templates, loaded the way
// `asl graph` loads them, draws in both formats; Mermaid's parser accepts all of them and Graphviz renders
// all of them, each showing every state and every transition.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { graph } from '../../src/graph/index.js';
import { loadText } from '../../src/source/index.js';
import { expectEverythingDrawn, seenInDot, seenInMermaid } from './drawn.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const corpus = resolve(repoRoot, '../shared/corpus');
const present = existsSync(join(corpus, 'MANIFEST.tsv'));

/** The `file` column of a manifest; its paths are relative to the corpus root. */
function manifestFiles(manifest: string): string[] {
  if (!existsSync(join(corpus, manifest))) return [];
  const [header, ...rows] = readFileSync(join(corpus, manifest), 'utf8').trim().split('\n');
  const column = header!.split('\t').indexOf('file');
  return rows.map((row) => row.split('\t')[column]!);
}

function definitions(): Array<[file: string, definition: unknown]> {
  // The invalid ones too: `asl graph` is what people reach for to see what is wrong with a machine.
  const files = [...manifestFiles('MANIFEST.tsv'), ...manifestFiles('invalid/MANIFEST.tsv')];
  const templates = existsSync(join(corpus, 'templates')) ? readdirSync(join(corpus, 'templates')).filter((f) => /\.(json|ya?ml)$/.test(f)) : [];
  const out: Array<[string, unknown]> = [];
  for (const file of [...files, ...templates.map((f) => `templates/${f}`)]) {
    const loaded = loadText(readFileSync(join(corpus, file), 'utf8'), join(corpus, file));
    for (const machine of loaded.machines) {
      // A template's DefinitionUri that is not in the corpus, or a DefinitionString built at deploy time, has no
      // definition to draw (asl graph reports those and exits 1).
      if (machine.definition !== null && typeof machine.definition === 'object') out.push([`${file}${machine.pointer ? '#' + machine.pointer : ''}`, machine.definition]);
    }
  }
  return out;
}

async function failuresOf(check: () => Promise<void>, file: string, failures: string[]): Promise<void> {
  try {
    await check();
  } catch (error) {
    failures.push(`${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

describe.skipIf(!present)('graph over the real-world corpus', () => {
  const all = present ? definitions() : [];

  test('every definition draws as Mermaid and as DOT without throwing', () => {
    expect(all.length).toBeGreaterThan(950);
    for (const [, definition] of all) {
      expect(graph(definition, { format: 'mermaid' })).toMatch(/^flowchart TB\n/);
      expect(graph(definition, { format: 'dot' })).toMatch(/^digraph /);
    }
  }, 120_000);

  test("Mermaid's parser accepts every drawing, with every state and transition in it", async () => {
    const failures: string[] = [];
    for (const [file, definition] of all) {
      await failuresOf(async () => expectEverythingDrawn(definition, await seenInMermaid(definition)), file, failures);
    }
    expect(failures).toEqual([]);
  }, 300_000);

  test('Graphviz renders every drawing, with every state and transition in it', async () => {
    const failures: string[] = [];
    for (const [file, definition] of all) {
      await failuresOf(async () => expectEverythingDrawn(definition, await seenInDot(definition)), file, failures);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
