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
  /** In-memory files the stubs' `items` entries name (ItemReader sources), by path. */
  files?: Record<string, string>;
  options?: Pick<ExecuteOptions, 'seed' | 'startTime' | 'maxEvents' | 'stateMachineType'>;
  expect: {
    status: string;
    output?: unknown;
    error?: string;
    cause?: string;
    virtualSeconds?: number;
    deterministic?: boolean;
    /** Files a ResultWriter wrote under the stubs' `results` folder, by path, parsed as JSON (or JSON Lines: an array). */
    written?: Record<string, unknown>;
  };
}

async function run(fixture: Fixture, written = new Map<string, string>()) {
  const answerer = fixture.stubs
    ? stubFileAnswerer(checkStubFile(fixture.stubs), {
        loadHandler: async () => {
          throw new Error('fixtures do not use modules');
        },
        readText: async (path) => {
          const text = fixture.files?.[path];
          if (text === undefined) throw new Error(`the fixture has no file ${path}`);
          return text;
        },
        writeText: async (path, content) => {
          written.set(path, content);
        },
      })
    : undefined;
  return execute(fixture.definition, fixture.input, { ...fixture.options, answerer });
}

/** A written file's content as a value: JSON, else JSON Lines as an array of values. */
function parseWritten(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch {
    return content.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line));
  }
}

for (const area of readdirSync(root).sort().filter((name) => name !== 'cli')) {
  describe(area, () => {
    for (const file of readdirSync(path.join(root, area)).sort()) {
      const fixture = JSON.parse(readFileSync(path.join(root, area, file), 'utf8')) as Fixture;
      test(`${fixture.description} (${file})`, async () => {
        const written = new Map<string, string>();
        const result = await run(fixture, written);
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
        if (want.written !== undefined) {
          expect(Object.fromEntries([...written].map(([path, content]) => [path, parseWritten(content)]))).toEqual(want.written);
        }
        if (want.deterministic) {
          const again = await run(fixture);
          expect(again).toEqual(result);
        }
      });
    }
  });
}
