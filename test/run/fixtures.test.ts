/**
 * Data-driven semantics tests: every file under test/fixtures/run/<area>/ holds a definition, an input,
 * optional stubs (our stub format) and options, and the expected result, derived from the developer guide.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkStubFile, execute, stubFileAnswerer, type ExecuteOptions } from '../../src/run/index.js';

const root = path.resolve(import.meta.dirname, '../fixtures/run');

interface Fixture {
  description: string;
  definition: unknown;
  input: unknown;
  stubs?: unknown;
  options?: Pick<ExecuteOptions, 'seed' | 'startTime' | 'maxEvents'>;
  expect: { status: string; output?: unknown; error?: string; cause?: string; virtualSeconds?: number; deterministic?: boolean };
}

async function run(fixture: Fixture) {
  const answerer = fixture.stubs
    ? stubFileAnswerer(checkStubFile(fixture.stubs), {
        loadHandler: async () => {
          throw new Error('fixtures do not use modules');
        },
      })
    : undefined;
  return execute(fixture.definition, fixture.input, { ...fixture.options, answerer });
}

for (const area of readdirSync(root).sort().filter((name) => name !== 'cli')) {
  describe(area, () => {
    for (const file of readdirSync(path.join(root, area)).sort()) {
      const fixture = JSON.parse(readFileSync(path.join(root, area, file), 'utf8')) as Fixture;
      test(`${fixture.description} (${file})`, async () => {
        const result = await run(fixture);
        const want = fixture.expect;
        expect({ status: result.status, error: result.error, cause: result.cause }).toMatchObject({
          status: want.status,
          error: want.status === 'SUCCEEDED' ? undefined : want.error,
          ...(want.cause !== undefined ? { cause: want.cause } : {}),
        });
        if ('output' in want) expect(result.output).toEqual(want.output);
        if (want.virtualSeconds !== undefined) {
          const first = result.history[0]!;
          const last = result.history[result.history.length - 1]!;
          expect((Date.parse(last.timestamp) - Date.parse(first.timestamp)) / 1000).toBe(want.virtualSeconds);
        }
        if (want.deterministic) {
          const again = await run(fixture);
          expect(again).toEqual(result);
        }
      });
    }
  });
}
