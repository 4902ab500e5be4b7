// Every page under docs/checks/ that shows a "Bad" and a "Fixed" definition is run through the whole
// validator: the bad one reports the page's code, the fixed one reports no error at all. The schema
// stage's pages are covered here; the semantic checks' pages also have tests next to their checks.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../src/validate/index.js';

const docs = fileURLToPath(new URL('../../docs/checks/', import.meta.url));

function example(page: string, heading: string): unknown {
  const section = page.split(`## ${heading}\n`)[1] ?? '';
  const block = /```json\n([\s\S]*?)\n```/.exec(section);
  if (!block) throw new Error(`no JSON block under "## ${heading}"`);
  return JSON.parse(block[1]!);
}

const pages = readdirSync(docs)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .map((f) => ({ code: f.slice(0, -3), text: readFileSync(docs + f, 'utf8') }))
  .filter((p) => p.text.includes('\n## Bad\n') && p.text.includes('\n## Fixed\n'));

describe('docs/checks examples', () => {
  it('cover every page of the schema stage and the semantic checks', () => {
    expect(pages.length).toBeGreaterThanOrEqual(45);
  });

  it.each(pages.map((p) => [p.code, p.text]))('%s: the bad example reports it, the fixed one has no error', (code, text) => {
    expect(validateDefinition(example(text, 'Bad')).findings.map((f) => f.code)).toContain(code);
    expect(validateDefinition(example(text, 'Fixed')).findings.filter((f) => f.severity === 'error' || f.code === code)).toEqual([]);
  });
});
