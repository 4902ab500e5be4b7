// Every real-world file in ../shared/corpus (skipped when absent) loads without throwing, and every
// template yields the machines TEMPLATES.tsv lists: loaded, or skipped with a diagnostic that says why.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expandInputs, loadText } from '../../src/source/index.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const corpus = resolve(repoRoot, '../shared/corpus');
const present = existsSync(join(corpus, 'templates', 'TEMPLATES.tsv'));

function definitionFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) definitionFiles(path, out);
    else if (/\.asl\.(json|json5|ya?ml)$/.test(entry.name)) out.push(path);
  }
  return out;
}

interface TemplateRow {
  file: string;
  /** `LogicalId:Kind:How` per machine. */
  machines: Array<{ name: string; how: string }>;
}

function templateRows(): TemplateRow[] {
  const [header, ...rows] = readFileSync(join(corpus, 'templates', 'TEMPLATES.tsv'), 'utf8').trim().split('\n');
  const columns = header!.split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    const listed = cells[columns.indexOf('state_machines')]!;
    return {
      file: cells[columns.indexOf('file')]!,
      machines: listed.split(';').map((entry) => {
        const [name, , how] = entry.split(':');
        return { name: name!, how: how! };
      }),
    };
  });
}

describe.skipIf(!present)('source over the real-world corpus', () => {
  it('loads every definition file without throwing, and nearly all of them as one machine', () => {
    const files = definitionFiles(corpus);
    expect(files.length).toBeGreaterThan(900);
    const failed: string[] = [];
    for (const path of files) {
      const loaded = loadText(readFileSync(path, 'utf8'), path.slice(corpus.length + 1));
      if (loaded.machines.length !== 1) failed.push(`${loaded.file}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
    }
    // Only the files in unparseable/ are expected to fail, and not the one whose only fault is an unquoted
    // ${…} placeholder that its template's DefinitionSubstitutions fills in.
    expect(failed.filter((f) => !f.startsWith('unparseable/'))).toEqual([]);
    expect(failed.filter((f) => f.startsWith('unparseable/lambda-power-tuning/'))).toEqual([]);
  });

  it('finds every state machine each template lists, loaded or skipped with a reason', () => {
    for (const row of templateRows()) {
      const path = join(corpus, row.file);
      const loaded = loadText(readFileSync(path, 'utf8'), row.file);
      const loadedNames = loaded.machines.map((m) => m.name);
      for (const { name, how } of row.machines) {
        if (how.startsWith('DefinitionUri')) {
          // The definition files are not next to the templates in the corpus: reported as unreadable.
          expect(loaded.diagnostics.some((d) => d.code === 'definition-file-unreadable' && d.message.includes(name)), `${row.file} ${name}`).toBe(true);
        } else {
          // Inline, DefinitionString, Fn::Sub and CDK's Fn::Join definitions all load, without a loader finding.
          expect(loadedNames, `${row.file} ${name}`).toContain(name);
          expect(loaded.machines.find((m) => m.name === name)!.diagnostics, `${row.file} ${name}`).toEqual([]);
        }
      }
      const skipped = loaded.diagnostics.filter((d) => d.code.startsWith('definition-')).length;
      expect(loaded.machines.length + skipped, row.file).toBe(row.machines.length);
    }
  });

  it('finds every template when searching the templates folder', async () => {
    const { files, problems } = await expandInputs(['templates'], corpus);
    expect(problems).toEqual([]);
    expect(files.sort()).toEqual(templateRows().map((row) => row.file).sort());
  });
});
