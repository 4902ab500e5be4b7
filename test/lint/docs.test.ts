import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/lint/index.js';

const docsDir = fileURLToPath(new URL('../../docs/rules/', import.meta.url));

describe('rule docs', () => {
  const pages = readdirSync(docsDir).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3)).sort();
  it('has a page for every rule and a rule for every page', () => {
    expect(pages).toEqual(rules.map((r) => r.meta.id).sort());
  });
});
