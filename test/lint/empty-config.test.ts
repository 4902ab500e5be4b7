// An empty lint config is refused the same way whatever its format: an empty .aslrc.json never parsed, while an
// empty .aslrc.yaml (or `null`) used to be read as "no settings" and silently replaced the config of the
// folders above. `{}` is how to say "no settings" (docs/configuration.md).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'asl-empty-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const DEFINITION = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Succeed' } } });

let count = 0;
function folderWith(name: string, text: string): string {
  const dir = join(root, `c${count++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'flow.asl.json'), DEFINITION);
  return dir;
}

const refused = (file: string) =>
  `asl: ${file}:1:1: the lint config holds no settings (it is empty, or null); write {} for a config that keeps every rule at its default, or delete the file to use the config of a folder above.\n`;

describe('an empty lint config is an error (exit 2) in every format', () => {
  test.each([
    ['.aslrc.json', ''],
    ['.aslrc.json', '  \n'],
    ['.aslrc.yaml', ''],
    ['.aslrc.yml', '\n\n'],
    ['.aslrc.yaml', '# nothing here yet\n'],
    ['.aslrc.yaml', 'null\n'],
    ['.aslrc.yaml', '~\n'],
    ['.aslrc.json', 'null'],
  ])('%s holding %j', async (name, text) => {
    const dir = folderWith(name, text);
    const found = await runCli(['lint', 'flow.asl.json'], { cwd: dir });
    expect(found).toMatchObject({ code: 2, stdout: '' });
    expect(found.stderr).toBe(refused(join(dir, name)));
    const named = await runCli(['lint', 'flow.asl.json', '--config', name], { cwd: dir });
    expect(named).toMatchObject({ code: 2, stdout: '' });
  });

  test.each([['.aslrc.json', '{}'], ['.aslrc.yaml', '{}\n'], ['.aslrc.yaml', '---\nrules: {}\n']])('%s holding %j is a config with no settings', async (name, text) => {
    const dir = folderWith(name, text);
    expect(await runCli(['lint', 'flow.asl.json'], { cwd: dir })).toMatchObject({ code: 0, stderr: '' });
  });
});
