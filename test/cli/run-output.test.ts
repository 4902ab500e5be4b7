/** `asl run` output in-process: colour as decided for every view, and text from the user's file made printable. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';

const SGR = /\u001b\[[0-9;]*m/;

function withFiles(files: Record<string, unknown>, body: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'asl-run-out-'));
  for (const [name, value] of Object.entries(files)) writeFileSync(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));
  return body(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

const evil = 'Evil\u001b]0;pwned\u0007\u001b[2J';
const machine = {
  StartAt: evil,
  States: { [evil]: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } },
};
const stubs = { states: { [evil]: { error: 'Bad\u001b[31m', cause: 'line one\r\u001b[1Afake ✔ valid' } } };

describe('asl run output', () => {
  it('plain text: no colour by default off a terminal, colour with --color even under NO_COLOR, none with --no-color', async () => {
    await withFiles({ 'm.json': { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } } }, async (cwd) => {
      expect((await runCli(['run', 'm.json'], { cwd })).stdout).not.toMatch(SGR);
      expect((await runCli(['run', 'm.json', '--color'], { cwd, env: { NO_COLOR: '1' } })).stdout).toMatch(SGR);
      expect((await runCli(['run', 'm.json', '--no-color'], { cwd, env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(SGR);
      expect((await runCli(['run', 'm.json'], { cwd, env: { FORCE_COLOR: '1' } })).stdout).toMatch(SGR);
    });
  });

  it('state names, error names and causes from the files are shown with their control characters escaped', async () => {
    await withFiles({ 'm.json': machine, 's.json': stubs }, async (cwd) => {
      const plain = await runCli(['run', 'm.json', '--stubs', 's.json'], { cwd });
      expect(plain.code).toBe(1);
      expect(plain.stdout).not.toContain('\u001b');
      expect(plain.stdout).not.toContain('\r');
      expect(plain.stdout).toContain('→ Evil\\u001b]0;pwned\\u0007\\u001b[2J (Task)');
      expect(plain.stdout).toContain('✗ task failed: Bad\\u001b[31m — line one\\r\\u001b[1Afake ✔ valid');
      expect(plain.stdout).toContain('error: Bad\\u001b[31m');
      // The live view (a terminal, no colour): only ink's own cursor codes, none from the file.
      const live = await runCli(['run', 'm.json', '--stubs', 's.json'], { cwd, tty: true, env: { NO_COLOR: '1' } });
      expect(live.code).toBe(1);
      expect(live.stdout).toContain('→ Evil\\u001b]0;pwned\\u0007\\u001b[2J (Task)');
      expect(live.stdout).not.toContain('\u001b]0;pwned');
      expect(live.stdout).not.toContain('\u001b[2J');
      expect(live.stdout).not.toMatch(SGR);
    });
  });
});
