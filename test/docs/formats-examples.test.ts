// docs/formats.md shows what each format prints for two example files. The files are taken from the page
// itself, the command it names is run in a scratch folder, and each example must be exactly what the tool
// prints, so the page cannot drift from the formatters again.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { repoRoot, runCli } from '../cli/run-cli.js';

const page = readFileSync(join(repoRoot, 'docs', 'formats.md'), 'utf8');

/** The first fenced block after `marker` on the page. */
function blockAfter(marker: string): string {
  const at = page.indexOf(marker);
  if (at < 0) throw new Error(`docs/formats.md has no "${marker}"`);
  const fence = /```[a-z]*\n([\s\S]*?)```/.exec(page.slice(at));
  if (!fence) throw new Error(`docs/formats.md has no code block after "${marker}"`);
  return fence[1]!;
}

const dir = mkdtempSync(join(tmpdir(), 'asl-formats-doc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'orders'));
writeFileSync(join(dir, 'orders', 'broken.asl.json'), blockAfter('definition `orders/broken.asl.json` has'));
writeFileSync(join(dir, 'template.yaml'), blockAfter('the template `template.yaml`'));

const validate = (format: string) => runCli(['validate', 'orders/broken.asl.json', 'template.yaml', '--format', format], { cwd: dir });

describe('docs/formats.md prints what the formats print', () => {
  test.each([
    ['stylish', '## stylish (default)'],
    ['json', '## json'],
    ['github', '## github'],
    ['junit', '## junit'],
  ])('%s', async (format, heading) => {
    const run = await validate(format);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(blockAfter(heading));
  });

  test('sarif: the first result, apart from its place in the rule list', async () => {
    const run = await validate('sarif');
    const sarif = JSON.parse(run.stdout) as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    const { ruleIndex, ...first } = sarif.runs[0]!.results[0]!;
    expect(typeof ruleIndex).toBe('number');
    expect(first).toEqual(JSON.parse(blockAfter('The first result of the example')));
  });

  test('stylish when nothing is found', async () => {
    const run = await runCli(['validate', 'template.yaml'], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(blockAfter('`asl validate template.yaml`'));
  });
});
