// The case as a user meets it, through the built executable and real files: a filter the shared
// grammar refuses is a validate error at its line, column and character, and run refuses it with the same
// reason; a filter validate accepts, run evaluates.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, spawnCli } from './run-cli.js';

const checks = join(repoRoot, 'test/fixtures/checks/paths');
const reason = 'in the filter, functions such as constructor() are not supported in Step Functions paths';

describe('validate and run read filters with one grammar', () => {
  it('validate reports a refused filter at its position, and run refuses the definition for the same reason', () => {
    const file = join(checks, 'filter-grammar-jsonpath.asl.json');
    const validated = spawnCli(['validate', file]);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toMatch(new RegExp(`7:20 +error +"InputPath" is not a valid path: ${reason.replace(/[()]/g, '\\$&')}`));
    expect(validated.stdout).toContain('(at character 19)');
    expect(validated.stdout).toContain('invalid regular expression /[a-/');
    // asl run refuses what validate refuses (AWS would not create it): exit 2 with validate's report.
    const run = spawnCli(['run', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`7:20 +error +"InputPath" is not a valid path: ${reason.replace(/[()]/g, '\\$&')}`));
  });

  it('run evaluates every construct of the grammar that validate accepts', () => {
    const file = join(checks, 'valid-filter-grammar-jsonpath.asl.json');
    expect(spawnCli(['validate', file]).code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'asl-filter-'));
    const input = join(dir, 'input.json');
    writeFileSync(input, JSON.stringify({ limit: 12, items: [{ price: 5, tag: 'sale', sizes: [1, 2], 'display name': 'Boots', note: 'a@.b (x) ]' }, { price: 20, tag: 'new', sizes: [9] }] }));
    const run = spawnCli(['run', file, '--input-file', input, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const output = (JSON.parse(run.stdout) as { output: Record<string, Array<{ price: number }>> }).output;
    expect(output.cheap!.map((i) => i.price)).toEqual([5]);
    expect(output.text!.map((i) => i.price)).toEqual([5]);
    expect(output.last!.map((i) => i.price)).toEqual([20]);
  });
});
