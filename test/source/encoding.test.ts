// Files as editors save them: a UTF-8 byte-order mark (Windows Notepad) on YAML as on JSON, and UTF-16
// (PowerShell's `>`, some Windows editors), which is named for what it is instead of "binary".
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadText } from '../../src/source/load-text.js';
import { encodingProblem } from '../../src/source/decode.js';
import { loadConfigFile } from '../../src/lint/config.js';
import { spawnCli } from '../cli/run-cli.js';

const YAML = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: B\n';
const JSON_TEXT = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}';
const BOM = '\uFEFF';

/** The text as Node reads a file of these bytes as UTF-8, which is how every file is read. */
const asRead = (bytes: Buffer): string => bytes.toString('utf8');
const utf16le = (text: string, bom = true) => asRead(Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]));
const utf16be = (text: string, bom = true) => asRead(Buffer.from(Buffer.concat([Buffer.from(bom ? '\uFEFF' : '', 'utf16le'), Buffer.from(text, 'utf16le')]).swap16()));

describe('a UTF-8 byte-order mark', () => {
  test('YAML with one parses, and positions do not move', () => {
    const loaded = loadText(BOM + YAML, 'flow.asl.yaml');
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.machines[0]!.definition).toEqual({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' } } });
    expect(loaded.machines[0]!.locate('/States/A/Next')).toMatchObject({ line: 5, column: 11 });
  });

  test('a YAML template with one, read from stdin (no extension to go by)', () => {
    const template = `${BOM}Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition:\n        StartAt: A\n        States:\n          A:\n            Type: Succeed\n`;
    expect(loadText(template, '-').machines).toHaveLength(1);
  });

  test('a lint config with one, in YAML and in JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-bom-'));
    try {
      writeFileSync(join(dir, '.aslrc.yaml'), `${BOM}rules:\n  task-timeout: error\n`);
      writeFileSync(join(dir, '.aslrc.json'), `${BOM}{"rules": {"task-timeout": "error"}}`);
      expect(loadConfigFile(join(dir, '.aslrc.yaml')).rules['task-timeout']).toEqual({ severity: 'error' });
      expect(loadConfigFile(join(dir, '.aslrc.json')).rules['task-timeout']).toEqual({ severity: 'error' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('UTF-16 and UTF-32 files', () => {
  test.each([
    ['UTF-16 (little-endian)', utf16le(JSON_TEXT)],
    ['UTF-16 (big-endian)', utf16be(JSON_TEXT)],
    ['UTF-16 (little-endian)', utf16le(YAML, false)],
    ['UTF-16 (big-endian)', utf16be(YAML, false)],
    ['UTF-32 (little-endian)', asRead(Buffer.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0, 0x7d, 0, 0, 0]))],
  ])('%s is named, with how to fix it', (name, text) => {
    expect(encodingProblem(text)?.message).toBe(`The file is ${name}; save it as UTF-8 (AWS reads definitions and templates as UTF-8)`);
    const loaded = loadText(text, 'flow.asl.json');
    expect(loaded.diagnostics).toMatchObject([{ code: 'parse-error', severity: 'error', line: 1, column: 1, message: expect.stringContaining(`is ${name}; save it as UTF-8`) }]);
  });

  test('UTF-8 text, with or without a mark, and binary files are not called UTF-16', () => {
    expect(encodingProblem(JSON_TEXT)).toBeUndefined();
    expect(encodingProblem(BOM + YAML)).toBeUndefined();
    expect(encodingProblem('{}')).toBeUndefined();
    expect(encodingProblem('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR')?.message).toMatch(/looks binary/);
  });

  test('through the CLI: exit 1 and the encoding named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-utf16-'));
    try {
      writeFileSync(join(dir, 'flow.asl.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON_TEXT, 'utf16le')]));
      writeFileSync(join(dir, 'bom.asl.yaml'), BOM + YAML.replace('Next: B', 'End: true'));
      const run = spawnCli(['validate', 'flow.asl.json', 'bom.asl.yaml'], { cwd: dir });
      expect(run.stdout).toContain('1:1  error  The file is UTF-16 (little-endian); save it as UTF-8');
      expect(run.stdout).not.toContain('binary');
      expect(run.stdout).not.toContain('bom.asl.yaml');
      expect(run.stdout).toContain('✖ 1 problem (1 error, 0 warnings) in 1 file');
      expect(run.code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
