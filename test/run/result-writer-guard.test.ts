// `asl run` writes files only for a Distributed Map's ResultWriter (into the stub file's `results` folder).
// Those writes must not replace a file the run read, here the --input-file reached through a hard link,
// and are written whole (temporary file and rename) like every other output.
import { linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { repoRoot, spawnCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'asl-writer-guard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const writer = join(repoRoot, 'test', 'fixtures', 'run', 'cli', 'writer.asl.json');
const INPUT = '[{"n":1},{"n":2}]';

function files(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(folder, join(e.parentPath, e.name)));
}

test('a ResultWriter file that is the input file is refused (exit 2) and the input stays as it was', () => {
  writeFileSync(join(dir, 'stubs.json'), JSON.stringify({ results: './out' }));
  writeFileSync(join(dir, 'in.json'), INPUT);
  const argv = ['run', writer, '--input-file', 'in.json', '--stubs', 'stubs.json', '--format', 'json'];
  // A first run shows where the manifest goes (the run is deterministic: same seed, same map run id).
  const first = spawnCli(argv, { cwd: dir });
  expect(first.code).toBe(0);
  const manifest = join(dir, 'out', 'results', JSON.parse(first.stdout).output.ResultWriterDetails.Key as string);
  expect(files(join(dir, 'out')).some((f) => f.endsWith('.tmp'))).toBe(false);
  rmSync(join(dir, 'out'), { recursive: true });
  mkdirSync(dirname(manifest), { recursive: true });
  linkSync(join(dir, 'in.json'), manifest);

  const second = spawnCli(argv, { cwd: dir });
  expect(second.code).toBe(2);
  expect(second.stderr).toBe(
    `asl: the ResultWriter file ${manifest} is the same file as the input file in.json (a link to it, or another name for it): writing the results there would replace it. Change the ResultWriter's Prefix, or the stub file's results folder.\n`,
  );
  expect(readFileSync(join(dir, 'in.json'), 'utf8')).toBe(INPUT);
});
