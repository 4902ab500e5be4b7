import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCheckCommand, type CheckMachine } from '../../src/cli/check-runner.js';
import type { CommandContext } from '../../src/cli/context.js';
import { BufferStream } from '../../src/cli/io.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { fixtures } from './run-cli.js';

function context(): { ctx: CommandContext; stdout: BufferStream; stderr: BufferStream } {
  const stdout = new BufferStream();
  const stderr = new BufferStream();
  const ctx: CommandContext = { io: { stdout, stderr, stdin: Readable.from(['']) }, env: {}, cwd: fixtures, exitCode: 0, debug: false };
  return { ctx, stdout, stderr };
}

const warning: Diagnostic = { code: 'some-rule', severity: 'warning', message: 'Consider this', path: '', line: 1, column: 1 };
const error: Diagnostic = { ...warning, code: 'other-rule', severity: 'error', message: 'Fix this' };
const reporting = (...diagnostics: Diagnostic[]): CheckMachine => () => diagnostics;

describe('runCheckCommand', () => {
  it('returns 0 when the check reports only warnings', async () => {
    const { ctx } = context();
    expect(await runCheckCommand(ctx, ['valid.asl.json'], { format: 'json' }, reporting(warning))).toBe(0);
  });

  it('returns 1 when the check reports an error, and marks the machine invalid', async () => {
    const { ctx, stdout } = context();
    expect(await runCheckCommand(ctx, ['valid.asl.json'], { format: 'json' }, reporting(error))).toBe(1);
    expect(JSON.parse(stdout.text)[0].valid).toBe(false);
  });

  it('returns 1 when warnings exceed --max-warnings, and says so on stderr', async () => {
    const { ctx, stderr } = context();
    expect(await runCheckCommand(ctx, ['valid.asl.json'], { format: 'json', maxWarnings: 0 }, reporting(warning))).toBe(1);
    expect(stderr.text).toContain('1 warnings found; --max-warnings allows 0');
  });

  it('returns 0 when warnings are within --max-warnings', async () => {
    const { ctx } = context();
    expect(await runCheckCommand(ctx, ['valid.asl.json'], { format: 'json', maxWarnings: 1 }, reporting(warning))).toBe(0);
  });

  it('leaves warnings out of the report with --quiet', async () => {
    const { ctx, stdout } = context();
    await runCheckCommand(ctx, ['valid.asl.json'], { format: 'json', quiet: true }, reporting(warning, error));
    expect(JSON.parse(stdout.text)[0].diagnostics.map((d: Diagnostic) => d.severity)).toEqual(['error']);
  });

  it('hands every machine of every file to the check', async () => {
    const { ctx } = context();
    const seen: string[] = [];
    await runCheckCommand(ctx, ['valid.asl.json', 'template.yaml'], { format: 'json' }, (m) => (seen.push(`${m.file}#${m.pointer}`), []));
    expect(seen).toEqual([
      'valid.asl.json#',
      'template.yaml#/Resources/GreetMachine/Properties/Definition',
      'template.yaml#/Resources/FarewellMachine/Properties/Definition',
    ]);
  });

  it('lists the rule metadata it is given in SARIF', async () => {
    const { ctx, stdout } = context();
    const rules = [{ id: 'some-rule', description: 'Some rule', severity: 'warning' as const, docsUrl: 'https://example.test/some-rule' }];
    await runCheckCommand(ctx, ['valid.asl.json'], { format: 'sarif' }, reporting(warning), rules);
    expect(JSON.parse(stdout.text).runs[0].tool.driver.rules[0]).toMatchObject({ id: 'some-rule', helpUri: 'https://example.test/some-rule' });
  });
});

describe('runCheckCommand when a check throws', () => {
  it('reports the machine as an internal error without a stack, checks the rest, and returns 2', async () => {
    const { ctx, stdout, stderr } = context();
    let calls = 0;
    const code = await runCheckCommand(ctx, ['valid.asl.json', 'dir/first.asl.json'], { format: 'json' }, () => {
      if (calls++ === 0) throw new Error('boom');
      return [];
    });
    expect(code).toBe(2);
    expect(stderr.text).toMatch(/^asl: internal error while checking valid\.asl\.json: boom/);
    expect(stderr.text).not.toMatch(/\n\s+at /);
    expect(JSON.parse(stdout.text)).toHaveLength(1);
  });
});
