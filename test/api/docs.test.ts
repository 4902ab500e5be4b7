/**
 * Runs every example in docs/api.md against the library (src/, under the name 'asl-toolkit') and compares
 * what it logs with the ```text block that follows it. After an intended output change, update the doc.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inspect } from 'node:util';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const doc = readFileSync(join(root, 'docs/api.md'), 'utf8');

/** Every ```js block that is followed (after blank lines) by a ```text block. */
export function docExamples(markdown: string): Array<{ code: string; output: string; line: number }> {
  const examples: Array<{ code: string; output: string; line: number }> = [];
  const pattern = /```js\n((?:(?!```)[\s\S])*)```\n\s*```text\n((?:(?!```)[\s\S])*)```/g;
  for (const match of markdown.matchAll(pattern)) {
    examples.push({ code: match[1]!, output: match[2]!, line: markdown.slice(0, match.index).split('\n').length });
  }
  return examples;
}

const examples = docExamples(doc);
const dir = mkdtempSync(join(tmpdir(), 'asl-api-doc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/api.md', () => {
  it('has an example with its output for each of validate, lint, loadFile, loadText, execute and graph', () => {
    for (const name of ['validate', 'lint', 'loadFile', 'loadText', 'execute', 'graph']) {
      expect(examples.some((e) => new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from 'asl-toolkit'`).test(e.code) && e.code.includes(`${name}(`)), name).toBe(true);
    }
  });

  it.each(examples.map((e) => [e.line, e] as const))('example at line %i prints what the doc says', async (_line, example) => {
    const file = join(dir, `example-${example.line}.ts`);
    const entry = pathToFileURL(join(root, 'src/index.ts')).href;
    writeFileSync(file, example.code.replaceAll("from 'asl-toolkit'", `from '${entry}'`));
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' '));
    });
    try {
      await import(pathToFileURL(file).href);
    } finally {
      spy.mockRestore();
    }
    expect(lines.join('\n').trimEnd(), 'the output block in docs/api.md').toBe(example.output.trimEnd());
  });
});
