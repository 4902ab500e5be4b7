/**
 * The filter grammar on its own, with token soup rather than whole machines: parsePath never throws, and
 * every path it accepts, run's reader evaluates on any data without failing (a value or nothing, never an
 * error about the path).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parsePath } from '../../src/asl/jsonpath-syntax.js';
import { tryReadPath } from '../../src/run/jsonpath.js';
import { filter, inputPath } from './paths.js';

const TOKENS = ['@', '$', '.', 'a', 'length', '[', ']', '(', ')', '0', '1', '-1', "'x'", '"y"', '==', '!=', '===', '<', '>=', '&&', '||', '!', '-', '+', '*', '/', '%', ' ', 'in', 'size', 'empty', 'true', 'null', '=~', '/a.*/i', ',', '?', '@.a', '$.a', ';', '\\', "'"];
const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }).map((tokens) => tokens.join(''));
const data = fc.jsonValue({ maxDepth: 3 }).map((value) => ({ a: value, items: [value, { a: 1, length: 2 }, [1, 'x']] }));

/** The path's value, or the reason it could not be read. */
function read(value: unknown, path: string): void {
  try {
    tryReadPath(value, path);
  } catch (error) {
    throw new Error(`run could not read ${path}, which validate accepts: ${(error as Error).message}`);
  }
}

describe('the filter grammar', () => {
  it('accepts only what run evaluates, on token soup and on generated paths', { timeout: 600_000 }, () => {
    const path = fc.oneof(
      soup.map((text) => `$.items[?(${text})]`),
      soup.map((text) => `$.items[(${text})]`),
      filter.map((text) => `$..[?(${text})]`),
      inputPath,
    );
    fc.assert(
      fc.property(path, data, (text, value) => {
        if (parsePath(text).ok) read(value, text);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 5000), seed: process.env.FUZZ_SEED === undefined ? 20261207 : Number(process.env.FUZZ_SEED) },
    );
  });
});
