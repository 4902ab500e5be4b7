// Real-world definitions (../shared/corpus next to the repository; skipped when absent): every one
// draws in both formats, Mermaid's parser accepts all of them and Graphviz renders all of them, each
// showing every state and every transition. JSON5 files are left out (no JSON5 parser in the project).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { graph } from '../../src/graph/index.js';
import { expectEverythingDrawn, seenInDot, seenInMermaid } from './drawn.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const corpus = resolve(repoRoot, '../shared/corpus');
const present = existsSync(join(corpus, 'MANIFEST.tsv'));

function definitions(): Array<[file: string, definition: unknown]> {
  const [header, ...rows] = readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const column = header!.split('\t').indexOf('file');
  const out: Array<[string, unknown]> = [];
  for (const file of rows.map((row) => row.split('\t')[column]!)) {
    const text = readFileSync(join(corpus, file), 'utf8');
    if (file.endsWith('.asl.json')) out.push([file, JSON.parse(text)]);
    // Unknown tags (a CloudFormation !Sub, say) become plain strings: the graph must cope with those anyway.
    else if (file.endsWith('.asl.yaml')) out.push([file, parseYaml(text, { logLevel: 'silent' })]);
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
    expect(all.length).toBeGreaterThan(600);
    for (const [, definition] of all) {
      expect(graph(definition, { format: 'mermaid' })).toMatch(/^flowchart TB\n/);
      expect(graph(definition, { format: 'dot' })).toMatch(/^digraph /);
    }
  });

  test("Mermaid's parser accepts every drawing, with every state and transition in it", async () => {
    const failures: string[] = [];
    for (const [file, definition] of all) {
      await failuresOf(async () => expectEverythingDrawn(definition, await seenInMermaid(definition)), file, failures);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  test('Graphviz renders every drawing, with every state and transition in it', async () => {
    const failures: string[] = [];
    for (const [file, definition] of all) {
      await failuresOf(async () => expectEverythingDrawn(definition, await seenInDot(definition)), file, failures);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
