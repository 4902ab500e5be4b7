// --watch rewrites the --output report after every run: that write is held to the same rule as a one-off run,
// never over one of the files being watched.
import { mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { BufferStream } from '../../src/cli/io.js';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

test('asl lint --watch -o <a link to a watched definition> reports the problem and leaves the definition alone', async () => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'asl-watch-guard-')));
  const text = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Succeed' } } }, null, 2);
  writeFileSync(join(dir, 'flow.asl.json'), text);
  symlinkSync(join(dir, 'flow.asl.json'), join(dir, 'report.json'));
  const stdout = new BufferStream();
  const stderr = new BufferStream();
  const controller = new AbortController();
  const done = main(['lint', '--watch', 'flow.asl.json', '-f', 'json', '-o', 'report.json'], { stdout, stderr, stdin: Readable.from(['']), env: {}, cwd: dir, signal: controller.signal });
  const start = Date.now();
  while (!stderr.text.includes('--output report.json') && Date.now() - start < 10_000) await new Promise((resolve) => setTimeout(resolve, 20));
  controller.abort();
  expect(await done).toBe(0);
  expect(stderr.text).toContain('asl: --output report.json is the same file as the input file flow.asl.json (a link to it, or another name for it): writing the report there would replace it.');
  expect(readFileSync(join(dir, 'flow.asl.json'), 'utf8')).toBe(text);
});
