// The worked example in the README (order.asl.json, stubs.yaml, MockConfigFile.json and what asl lint,
// asl run and asl graph print for them) is taken from the README itself and run, so the printed output
// there cannot drift from what the commands really print.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { repoRoot, runCli } from '../cli/run-cli.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

/** The first fenced block after the sentence that contains `marker`. */
function blockAfter(marker: string): string {
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`README has no "${marker}"`);
  const fence = /```[a-z]*\n([\s\S]*?)```/.exec(readme.slice(at));
  if (!fence) throw new Error(`README has no code block after "${marker}"`);
  return fence[1]!;
}

const dir = mkdtempSync(join(tmpdir(), 'asl-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'order.asl.json'), blockAfter('The definition, `order.asl.json`'));
writeFileSync(join(dir, 'stubs.yaml'), blockAfter('A stub file, `stubs.yaml`'));
writeFileSync(join(dir, 'MockConfigFile.json'), blockAfter('mock config, `MockConfigFile.json`'));
writeFileSync(join(dir, 'order.asl-test.yaml'), blockAfter('a test file `order.asl-test.yaml`'));

const cases: Array<{ marker: string; argv: string[]; code: number }> = [
  { marker: 'which `asl validate` passes, `asl lint order.asl.json`', argv: ['lint', 'order.asl.json'], code: 0 },
  {
    marker: "`asl run order.asl.json --input '{\"total\": 1200}' --stubs stubs.yaml` prints",
    argv: ['run', 'order.asl.json', '--input', '{"total": 1200}', '--stubs', 'stubs.yaml'],
    code: 0,
  },
  {
    marker: '`asl run order.asl.json --mock-config MockConfigFile.json --test-case Declined` prints',
    argv: ['run', 'order.asl.json', '--mock-config', 'MockConfigFile.json', '--test-case', 'Declined'],
    code: 1,
  },
  { marker: '`asl graph order.asl.json` on the definition', argv: ['graph', 'order.asl.json'], code: 0 },
  { marker: '`asl test order.asl-test.yaml` prints', argv: ['test', 'order.asl-test.yaml'], code: 1 },
];

/** The one part of a printed report that changes from run to run: asl test's wall time. */
const withoutWallTime = (text: string) => text.replace(/\((\d+ files?), \d+\.\d+s\)/g, '($1, T)');

describe('the README worked example prints what the README says', () => {
  test('the definition is valid', async () => {
    const result = await runCli(['validate', 'order.asl.json'], { cwd: dir });
    expect(result.stdout.trim()).toBe('✔ 1 state machine valid');
    expect(result.code).toBe(0);
  });

  test.each(cases)('asl $argv.0 ($argv.1 …)', async ({ marker, argv, code }) => {
    const result = await runCli(argv, { cwd: dir });
    expect(result.stderr).toBe('');
    expect(withoutWallTime(result.stdout.trimEnd())).toBe(withoutWallTime(blockAfter(marker).trimEnd()));
    expect(result.code).toBe(code);
  });
});
