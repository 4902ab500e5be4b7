/**
 * The one golden-file module of the tests. As snapshot tools do, a golden file is written only on request
 * (UPDATE_GOLDEN=1): without it a missing file fails the test instead of being created from whatever the code
 * now prints, which would let any output pass.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

export function updatingGolden(): boolean {
  return process.env.UPDATE_GOLDEN === '1';
}

/** Writes the file under UPDATE_GOLDEN=1 and says so (true); otherwise fails when it is missing (false). */
function writeOrRequire(goldenPath: string, text: () => string): boolean {
  if (updatingGolden()) {
    mkdirSync(dirname(goldenPath), { recursive: true });
    writeFileSync(goldenPath, text());
    return true;
  }
  if (!existsSync(goldenPath)) {
    throw new Error(`golden file missing: ${goldenPath}; run the tests with UPDATE_GOLDEN=1 to write it, then review and commit it`);
  }
  return false;
}

/** Compares text with a golden file byte for byte; UPDATE_GOLDEN=1 rewrites the file instead. */
export function expectGolden(actual: string, goldenPath: string): void {
  if (writeOrRequire(goldenPath, () => actual)) return;
  expect(actual).toBe(readFileSync(goldenPath, 'utf8'));
}

/** Compares a value with a golden JSON file (as parsed values); UPDATE_GOLDEN=1 rewrites the file instead. */
export function expectGoldenJson(actual: unknown, goldenPath: string): void {
  if (writeOrRequire(goldenPath, () => `${JSON.stringify(actual, null, 2)}\n`)) return;
  expect(actual).toEqual(JSON.parse(readFileSync(goldenPath, 'utf8')));
}
