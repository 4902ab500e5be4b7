import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { graph } from '../../src/graph/index.js';
import type { GraphOptions } from '../../src/graph/index.js';

const dir = new URL('../fixtures/graph/', import.meta.url);

/** Byte-for-byte comparison with a committed file; `UPDATE_GOLDEN=1` rewrites it instead. */
function expectGolden(actual: string, name: string): void {
  const file = new URL(name, dir);
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file), `golden file ${name} exists (run with UPDATE_GOLDEN=1 to create it)`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const CASES: Array<[fixture: string, golden: string, options: GraphOptions]> = [
  ['awkward-names.asl.json', 'awkward-names.expected.mmd', { format: 'mermaid' }],
  ['awkward-names.asl.json', 'awkward-names.expected.dot', { format: 'dot' }],
  ['nested.asl.json', 'nested.expected.mmd', { format: 'mermaid' }],
  ['nested.asl.json', 'nested.expected.dot', { format: 'dot' }],
  ['nested.asl.json', 'nested.no-retries-no-catches.expected.mmd', { format: 'mermaid', retries: false, catches: false }],
  ['jsonata.asl.json', 'jsonata.expected.md', { format: 'markdown', direction: 'LR' }],
  ['dangling.asl.json', 'dangling.expected.mmd', { format: 'mermaid' }],
  ['dangling.asl.json', 'dangling.expected.dot', { format: 'dot' }],
];

describe('the exact text stays the same (golden files)', () => {
  test.each(CASES)('%s → %s', (fixture, golden, options) => {
    const definition = JSON.parse(readFileSync(new URL(fixture, dir), 'utf8'));
    expectGolden(graph(definition, options), golden);
  });
});
