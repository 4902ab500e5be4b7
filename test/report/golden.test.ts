/** expectGolden and expectGoldenJson fail on a missing file (and does not create it) unless UPDATE_GOLDEN=1 asks it to write. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { expectGolden, expectGoldenJson } from './golden.js';

const dir = mkdtempSync(join(tmpdir(), 'asl-golden-'));
afterEach(() => vi.unstubAllEnvs());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('golden files', () => {
  it('a missing golden file fails the test and is not written', () => {
    vi.stubEnv('UPDATE_GOLDEN', '');
    const file = join(dir, 'missing.txt');
    expect(() => expectGolden('anything', file)).toThrow(/golden file missing: .*missing\.txt; run the tests with UPDATE_GOLDEN=1/);
    expect(() => expectGoldenJson({ a: 1 }, join(dir, 'missing.json'))).toThrow(/golden file missing/);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(join(dir, 'missing.json'))).toBe(false);
  });

  it('even on CI or not: only UPDATE_GOLDEN=1 writes, into folders it creates', () => {
    vi.stubEnv('CI', '');
    vi.stubEnv('UPDATE_GOLDEN', '1');
    const file = join(dir, 'new', 'made.json');
    expectGoldenJson({ a: 1 }, file);
    expect(readFileSync(file, 'utf8')).toBe('{\n  "a": 1\n}\n');
    vi.stubEnv('UPDATE_GOLDEN', '');
    expectGoldenJson({ a: 1 }, file);
    expect(() => expectGoldenJson({ a: 2 }, file)).toThrow();
  });

  it('a present golden file is compared byte for byte', () => {
    vi.stubEnv('UPDATE_GOLDEN', '');
    const file = join(dir, 'present.txt');
    writeFileSync(file, 'same\n');
    expectGolden('same\n', file);
    expect(() => expectGolden('same', file)).toThrow();
  });
});
