import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'vitest';
import { graph } from '../../src/graph/index.js';
import type { GraphOptions } from '../../src/graph/index.js';
import { expectGolden } from '../report/golden.js';

const dir = new URL('../fixtures/graph/', import.meta.url);

/** Byte-for-byte comparison with a committed file in the graph fixtures; `UPDATE_GOLDEN=1` rewrites it instead. */
function expectGraphGolden(actual: string, name: string): void {
  expectGolden(actual, fileURLToPath(new URL(name, dir)));
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
    expectGraphGolden(graph(definition, options), golden);
  });
});
