// Every code `asl validate` can report (loader, schema stage, semantic checks) has a page under
// docs/checks/, every page there belongs to a code, and the index links every page.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validationRules } from '../../src/cli/validation-rules.js';

const checksDir = fileURLToPath(new URL('../../docs/checks/', import.meta.url));
const codes = validationRules().map((rule) => rule.id).sort();
const pages = existsSync(checksDir)
  ? readdirSync(checksDir).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3)).sort()
  : [];

describe('docs/checks', () => {
  it('knows the codes of the loader, the schema stage and the semantic checks', () => {
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('has a page for every code validate can report', () => {
    expect(codes.filter((code) => !pages.includes(code))).toEqual([]);
  });

  it('has no page without a code', () => {
    expect(pages.filter((page) => !codes.includes(page))).toEqual([]);
  });

  it('links every page from its index', () => {
    const index = readFileSync(`${checksDir}README.md`, 'utf8');
    expect(pages.filter((page) => !index.includes(`(${page}.md)`))).toEqual([]);
  });
});
