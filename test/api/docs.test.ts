/**
 * Runs every example in docs/api.md against the library (src/, under the name 'asl-toolkit') and compares
 * what it logs with the ```text block that follows it. After an intended output change, update the doc.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { docExamples, projectRoot } from './doc-examples.js';

const root = projectRoot;
const examples = docExamples();
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
